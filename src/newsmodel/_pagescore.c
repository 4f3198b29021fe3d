/* newsmodel._pagescore: the bottom-up page-scoring walk of newsmodel.parse._content.score_page, in C.
 *
 * score(elements) takes the list the Python code builds (root.iter(etree.Element), document
 * order) and returns the same per-element lists the Python walk computes, with equal values:
 * integers are counted the same way and every float goes through the same operations in the same
 * order. Instead of asking lxml for .items(), .text and .tail (each a Python object built per
 * element), it reads the libxml2 node behind each lxml proxy directly, fields only; no libxml2
 * function is called, so neither lxml's nor libxml2's headers are needed to build this file.
 *
 * Safety: every element must be an lxml _Element whose node is an element node pointing back at
 * that very proxy (lxml keeps the proxy in node->_private), and the Python side checks at import
 * that what this code reads of a small parsed document (names, attributes, text, tail) is what
 * lxml reports. Anything unexpected (another element class, a node that does not point back,
 * text that is not UTF-8, a namespace without a URI) makes score() return None, and the Python
 * walk runs instead.
 *
 * Labels (class, id and role joined) that are all ASCII are classified here with the word lists
 * of _classify_label; any other label is looked up in the Python cache dict, and only a miss
 * calls _label_kind. A style with a colon is handed to the Python hidden-style test (no colon, no
 * match: lower() never makes or removes one).
 *
 * The elements must be root.iter(etree.Element) of one root: parents are found on a stack of
 * open ancestors, which only works in document order (anything else is refused).
 *
 * marks() and walk() are PageSources' element walk (newsmodel.parse.page_sources.mark_elements):
 * the elements of a few tags, those with an itemprop, and the byline candidates. marks() reads
 * the nodes behind a list of proxies; walk() reads the tree from the root node and makes proxies,
 * through lxml's public C API, only for the elements it returns (making one for every element
 * was half the cost). Attributes are read as score() reads them.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <string.h>

/* Floats must round exactly as Python's do: no fused multiply-add across "a - b * c". */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

/* ---- Mirrors of the structures read. ----------------------------------------------------
 * libxml2's xmlNode, xmlAttr and xmlNs: lxml/includes/libxml/tree.h (libxml2 2.x, stable since
 * 2.0); lxml's _Element: struct LxmlElement in lxml/lxml.etree.h. Only the leading fields up to
 * the last one read are declared. */

typedef struct mirror_ns {
    struct mirror_ns *next;
    int type;
    const unsigned char *href;
    const unsigned char *prefix;
} mirror_ns;

typedef struct mirror_node {
    void *_private;
    int type;
    const unsigned char *name;
    struct mirror_node *children;
    struct mirror_node *last;
    struct mirror_node *parent;
    struct mirror_node *next;
    struct mirror_node *prev;
    void *doc;
    /* end of the part common to all node types */
    mirror_ns *ns;
    unsigned char *content;
    struct mirror_attr *properties;
} mirror_node;

typedef struct mirror_attr {
    void *_private;
    int type;
    const unsigned char *name;
    struct mirror_node *children;
    struct mirror_node *last;
    struct mirror_node *parent;
    struct mirror_attr *next;
    struct mirror_attr *prev;
    void *doc;
    mirror_ns *ns;
} mirror_attr;

typedef struct {
    PyObject_HEAD
    void *_doc;
    mirror_node *_c_node;
    PyObject *_tag;
} mirror_element;

/* xmlElementType values (libxml/tree.h). */
enum {
    ELEMENT_NODE = 1,
    ATTRIBUTE_NODE = 2,
    TEXT_NODE = 3,
    CDATA_SECTION_NODE = 4,
    ENTITY_REF_NODE = 5,
    XINCLUDE_START = 19,
    XINCLUDE_END = 20,
};

/* ---- Configuration (from newsmodel.parse._content). -------------------------------------- */

enum {
    T_FURNITURE = 1,
    T_NEVER_BOILERPLATE = 2,
    T_BLOCK = 4,
    T_CELL = 8,
    T_HEADING = 16,
    T_CONTAINER = 32,
    T_LINK = 64,      /* "a" */
    T_PARAGRAPH = 128 /* "p" */
};

#define MAX_TAGS 96
#define MAX_TAG_LEN 32
typedef struct {
    char name[MAX_TAG_LEN];
    unsigned flags;
} tag_entry;
static tag_entry tag_table[MAX_TAGS];
static int tag_count = 0;

static PyTypeObject *element_type = NULL;
static PyObject *label_kind_func = NULL;  /* _label_kind(label) -> int */
static PyObject *label_kinds = NULL;      /* its cache: dict[str, int] */
static PyObject *hidden_style_func = NULL; /* style -> bool */
static double link_penalty, prose_link_penalty, block_cost, boilerplate_penalty, wrapper_share;
static Py_ssize_t loose_text_min;
static long kind_plain, kind_boilerplate, kind_body;
static int configured = 0;

/* The word lists of _classify_label, for labels that are all ASCII (nearly all): there lower()
 * and split() touch ASCII only, so the C version below gives exactly the Python answer, and a
 * page's ids ("post-12345") no longer each cost a Python call and a cache entry. */
enum { W_STRONG = 1, W_WEAK = 2, W_CONTENT = 4, W_BODY = 8, W_LAYOUT = 16, W_HIDDEN = 32, W_TRIGGER = 64 };
#define WORD_SLOTS 1024 /* a power of two, well over twice the words of all lists */
typedef struct {
    char *text;
    size_t size;
    unsigned flags;
} word_entry;
static word_entry word_table[WORD_SLOTS];
static size_t word_count = 0, word_max_size = 0;

static size_t
word_hash(const char *text, size_t size)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < size; i++) h = (h ^ (unsigned char)text[i]) * 16777619u;
    return h;
}

static unsigned
word_flags(const char *text, size_t size)
{
    if (size == 0 || size > word_max_size) return 0;
    for (size_t slot = word_hash(text, size) & (WORD_SLOTS - 1);; slot = (slot + 1) & (WORD_SLOTS - 1)) {
        const word_entry *e = &word_table[slot];
        if (e->text == NULL) return 0;
        if (e->size == size && memcmp(e->text, text, size) == 0) return e->flags;
    }
}

static void
clear_words(void)
{
    for (size_t i = 0; i < WORD_SLOTS; i++) {
        PyMem_Free(word_table[i].text);
        word_table[i].text = NULL;
    }
    word_count = word_max_size = 0;
}

static int
add_words(PyObject *words, unsigned flag)
{
    PyObject *iter = PyObject_GetIter(words), *item;
    if (iter == NULL) return -1;
    while ((item = PyIter_Next(iter)) != NULL) {
        Py_ssize_t size;
        const char *text = PyUnicode_Check(item) && PyUnicode_IS_ASCII(item) ? PyUnicode_AsUTF8AndSize(item, &size) : NULL;
        if (text == NULL || size == 0 || word_count >= WORD_SLOTS / 2) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "label words must be non-empty ASCII str");
            Py_DECREF(item);
            Py_DECREF(iter);
            return -1;
        }
        size_t slot = word_hash(text, (size_t)size) & (WORD_SLOTS - 1);
        while (word_table[slot].text != NULL &&
               !(word_table[slot].size == (size_t)size && memcmp(word_table[slot].text, text, (size_t)size) == 0))
            slot = (slot + 1) & (WORD_SLOTS - 1);
        if (word_table[slot].text == NULL) {
            if ((word_table[slot].text = PyMem_Malloc((size_t)size)) == NULL) {
                PyErr_NoMemory();
                Py_DECREF(item);
                Py_DECREF(iter);
                return -1;
            }
            memcpy(word_table[slot].text, text, (size_t)size);
            word_table[slot].size = (size_t)size;
            word_table[slot].flags = 0;
            word_count++;
            if ((size_t)size > word_max_size) word_max_size = (size_t)size;
        }
        word_table[slot].flags |= flag;
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
}

static int
add_tags(PyObject *names, unsigned flag)
{
    PyObject *iter = PyObject_GetIter(names), *item;
    if (iter == NULL) return -1;
    while ((item = PyIter_Next(iter)) != NULL) {
        Py_ssize_t size;
        const char *text = PyUnicode_Check(item) ? PyUnicode_AsUTF8AndSize(item, &size) : NULL;
        if (text == NULL || size <= 0 || size >= MAX_TAG_LEN || (Py_ssize_t)strlen(text) != size) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "tag names must be short non-empty str");
            Py_DECREF(item);
            Py_DECREF(iter);
            return -1;
        }
        int i;
        for (i = 0; i < tag_count; i++)
            if (strcmp(tag_table[i].name, text) == 0) break;
        if (i == tag_count) {
            if (tag_count == MAX_TAGS) {
                PyErr_SetString(PyExc_ValueError, "too many tag names");
                Py_DECREF(item);
                Py_DECREF(iter);
                return -1;
            }
            memcpy(tag_table[i].name, text, (size_t)size + 1);
            tag_table[i].flags = 0;
            tag_count++;
        }
        tag_table[i].flags |= flag;
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
configure(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    static char *keywords[] = {
        "element_type", "label_kind", "label_kinds", "hidden_style", "furniture", "never_boilerplate",
        "block", "cell", "heading", "container", "link_penalty", "prose_link_penalty", "block_cost",
        "loose_text_min", "boilerplate_penalty", "wrapper_share", "plain", "boilerplate", "body", "strong_words", "weak_words", "content_words",
        "body_names", "layout_modifiers", "hidden_classes", "trigger_words", NULL};
    PyObject *etype, *kind_func, *kinds, *hidden, *furniture, *never, *block, *cell, *heading, *container;
    PyObject *strong, *weak, *content, *body_names, *layout, *hidden_classes, *trigger;
    double lp, plp, bc, bp, ws;
    Py_ssize_t ltm;
    long kp, kb, kbody;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "$O!OO!OOOOOOOdddnddlllOOOOOOO", keywords, &PyType_Type,
                                     &etype, &kind_func, &PyDict_Type, &kinds, &hidden, &furniture, &never,
                                     &block, &cell, &heading, &container, &lp, &plp, &bc, &ltm, &bp, &ws, &kp,
                                     &kb, &kbody, &strong, &weak, &content, &body_names, &layout,
                                     &hidden_classes, &trigger))
        return NULL;
    if (((PyTypeObject *)etype)->tp_basicsize < (Py_ssize_t)sizeof(mirror_element)) {
        PyErr_SetString(PyExc_TypeError, "element_type is smaller than lxml's _Element");
        return NULL;
    }
    if (!PyCallable_Check(kind_func) || !PyCallable_Check(hidden)) {
        PyErr_SetString(PyExc_TypeError, "label_kind and hidden_style must be callable");
        return NULL;
    }
    configured = 0;
    tag_count = 0;
    if (add_tags(furniture, T_FURNITURE) < 0 || add_tags(never, T_NEVER_BOILERPLATE) < 0 ||
        add_tags(block, T_BLOCK) < 0 || add_tags(cell, T_CELL) < 0 || add_tags(heading, T_HEADING) < 0 ||
        add_tags(container, T_CONTAINER) < 0)
        return NULL;
    PyObject *link = PyUnicode_FromString("a"), *paragraph = PyUnicode_FromString("p");
    PyObject *extra = (link && paragraph) ? PyTuple_Pack(1, link) : NULL;
    int failed = extra == NULL || add_tags(extra, T_LINK) < 0;
    Py_XDECREF(extra);
    extra = failed ? NULL : PyTuple_Pack(1, paragraph);
    failed = failed || extra == NULL || add_tags(extra, T_PARAGRAPH) < 0;
    Py_XDECREF(extra);
    Py_XDECREF(link);
    Py_XDECREF(paragraph);
    if (failed) return NULL;
    clear_words();
    if (add_words(strong, W_STRONG) < 0 || add_words(weak, W_WEAK) < 0 || add_words(content, W_CONTENT) < 0 ||
        add_words(body_names, W_BODY) < 0 || add_words(layout, W_LAYOUT) < 0 ||
        add_words(hidden_classes, W_HIDDEN) < 0 || add_words(trigger, W_TRIGGER) < 0) {
        clear_words();
        return NULL;
    }
    Py_INCREF(etype);
    Py_XSETREF(element_type, (PyTypeObject *)etype);
    Py_INCREF(kind_func);
    Py_XSETREF(label_kind_func, kind_func);
    Py_INCREF(kinds);
    Py_XSETREF(label_kinds, kinds);
    Py_INCREF(hidden);
    Py_XSETREF(hidden_style_func, hidden);
    link_penalty = lp;
    prose_link_penalty = plp;
    block_cost = bc;
    loose_text_min = ltm;
    boilerplate_penalty = bp;
    wrapper_share = ws;
    kind_plain = kp;
    kind_boilerplate = kb;
    kind_body = kbody;
    configured = 1;
    Py_RETURN_NONE;
}

/* ---- Reading nodes. ----------------------------------------------------------------------- */

/* The node behind an lxml element, or NULL if obj is not one this code can read. */
static mirror_node *
node_of(PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, element_type)) return NULL;
    mirror_node *node = ((mirror_element *)obj)->_c_node;
    if (node == NULL || node->_private != (void *)obj || node->type != ELEMENT_NODE) return NULL;
    return node;
}

/* lxml's _textNodeOrSkip: the node if it is text or CDATA, skipping XInclude markers; else NULL. */
static const mirror_node *
text_node_or_skip(const mirror_node *node)
{
    while (node != NULL) {
        if (node->type == TEXT_NODE || node->type == CDATA_SECTION_NODE) return node;
        if (node->type != XINCLUDE_START && node->type != XINCLUDE_END) return NULL;
        node = node->next;
    }
    return NULL;
}

/* Python's str.isspace() of one character: Unicode whitespace, not just ASCII. */
static const unsigned char ascii_space[128] = {
    ['\t'] = 1, ['\n'] = 1, [0x0b] = 1, [0x0c] = 1, ['\r'] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1,
};

/* len(text.strip()) of the text lxml's _collectText gathers from the run of text nodes starting
 * at node (.text: the first child; .tail: the next sibling). Returns 0, or -1 for text that is
 * not strict UTF-8 (lxml would fail to decode it; the Python walk then raises as it would). */
static int
stripped_length(const mirror_node *node, Py_ssize_t *length)
{
    Py_ssize_t index = 0, first = -1, last = -1;
    for (node = text_node_or_skip(node); node != NULL; node = text_node_or_skip(node->next)) {
        const unsigned char *s = node->content;
        if (s == NULL) continue;
        for (;;) {
            unsigned c = *s;
            if (c < 0x80) {
                if (c == 0) break;
                if (!ascii_space[c]) {
                    if (first < 0) first = index;
                    last = index;
                }
                index++;
                s++;
                continue;
            }
            Py_UCS4 cp;
            if (c >= 0xc2 && c <= 0xdf) {
                if ((s[1] & 0xc0) != 0x80) return -1;
                cp = ((Py_UCS4)(c & 0x1f) << 6) | (s[1] & 0x3f);
                s += 2;
            } else if (c >= 0xe0 && c <= 0xef) {
                if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80) return -1;
                cp = ((Py_UCS4)(c & 0x0f) << 12) | ((Py_UCS4)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
                if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
                s += 3;
            } else if (c >= 0xf0 && c <= 0xf4) {
                if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80) return -1;
                cp = ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(s[1] & 0x3f) << 12) |
                     ((Py_UCS4)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
                if (cp < 0x10000 || cp > 0x10ffff) return -1;
                s += 4;
            } else {
                return -1;
            }
            if (!Py_UNICODE_ISSPACE(cp)) {
                if (first < 0) first = index;
                last = index;
            }
            index++;
        }
    }
    *length = first < 0 ? 0 : last - first + 1;
    return 0;
}

/* Whether a node's name carries a namespace (then its tag is "{uri}name" and equals no plain
 * name). Returns -1 for a namespace without a URI, which lxml treats in ways not mirrored here. */
static int
namespaced(const mirror_ns *ns)
{
    if (ns == NULL) return 0;
    return ns->href == NULL ? -1 : 1;
}

static unsigned
compute_tag_flags(const unsigned char *name)
{
    for (int i = 0; i < tag_count; i++)
        if (strcmp(tag_table[i].name, (const char *)name) == 0) return tag_table[i].flags;
    return 0;
}

/* libxml2 interns names per document, so a small cache keyed by the name's address saves the
 * string comparisons for all but the first element of each tag. */
#define TAG_CACHE 128
typedef struct {
    const unsigned char *name[TAG_CACHE];
    unsigned flags[TAG_CACHE];
} tag_cache;

static unsigned
tag_flags(tag_cache *cache, const unsigned char *name)
{
    size_t slot = ((size_t)name >> 4) % TAG_CACHE;
    if (cache->name[slot] != name) {
        cache->name[slot] = name;
        cache->flags[slot] = compute_tag_flags(name);
    }
    return cache->flags[slot];
}

/* What the attribute values this code reads look like. */
typedef struct {
    const unsigned char *text; /* the value, when read directly */
    const mirror_attr *attr;   /* the attribute, when present */
} attr_value;

/* The classification's attributes, in lookup order. */
enum { A_HIDDEN, A_ARIA_HIDDEN, A_STYLE, A_ITEMPROP, A_CLASS, A_ID, A_ROLE, A_N };
static const char *const ATTR_NAMES[A_N] = {"hidden", "aria-hidden", "style", "itemprop", "class", "id", "role"};

static int
attr_index(const unsigned char *name)
{
    switch (name[0]) {
    case 'h': return strcmp((const char *)name, "hidden") == 0 ? A_HIDDEN : -1;
    case 'a': return strcmp((const char *)name, "aria-hidden") == 0 ? A_ARIA_HIDDEN : -1;
    case 's': return strcmp((const char *)name, "style") == 0 ? A_STYLE : -1;
    case 'i':
        if (name[1] == 'd' && name[2] == 0) return A_ID;
        return strcmp((const char *)name, "itemprop") == 0 ? A_ITEMPROP : -1;
    case 'c': return strcmp((const char *)name, "class") == 0 ? A_CLASS : -1;
    case 'r': return strcmp((const char *)name, "role") == 0 ? A_ROLE : -1;
    default: return -1;
    }
}

static PyObject *empty_str; /* "" */

/* The value lxml gives for a plain attribute: xmlGetNsProp(node, name, NULL), which returns the
 * first attribute of that name without namespace, the content of its single text child directly,
 * and "" for one without children. Other shapes (entity references...) ask lxml. A new reference
 * to a str, or NULL with an exception set. */
static PyObject *
attr_str(PyObject *element, int which, const attr_value *value)
{
    if (value->text != NULL) {
        PyObject *s = PyUnicode_DecodeUTF8((const char *)value->text, (Py_ssize_t)strlen((const char *)value->text), NULL);
        return s;
    }
    PyObject *result = PyObject_CallMethod(element, "get", "s", ATTR_NAMES[which]);
    if (result != NULL && !PyUnicode_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "attribute value is not a str");
        return NULL;
    }
    return result;
}

/* The bytes of a value read directly, or NULL when it must come from lxml. */
static const unsigned char *
direct_value(const mirror_attr *attr)
{
    const mirror_node *child = attr->children;
    if (child == NULL) return (const unsigned char *)"";
    if (child->next == NULL && (child->type == TEXT_NODE || child->type == CDATA_SECTION_NODE)) {
        return child->content != NULL ? child->content : (const unsigned char *)"";
    }
    return NULL;
}

/* Collects the classification's attributes of an element. Returns the number of attributes
 * (any name), or -1 for a namespace without a URI. */
static int
read_attributes(const mirror_node *node, attr_value values[A_N])
{
    int count = 0;
    for (int k = 0; k < A_N; k++) values[k].text = NULL, values[k].attr = NULL;
    for (const mirror_attr *attr = node->properties; attr != NULL; attr = attr->next) {
        if (attr->type != ATTRIBUTE_NODE) continue;
        count++;
        int ns = namespaced(attr->ns);
        if (ns < 0) return -1;
        if (ns) continue;
        int which = attr_index(attr->name);
        if (which < 0 || values[which].attr != NULL) continue; /* lxml gives the first one's value */
        values[which].attr = attr;
        values[which].text = direct_value(attr);
    }
    return count;
}

/* Equality of an attribute value with an ASCII constant. 1 / 0, or -1 with an exception set. */
static int
value_equals(PyObject *element, int which, const attr_value *value, const char *expected)
{
    if (value->text != NULL) return strcmp((const char *)value->text, expected) == 0;
    PyObject *s = attr_str(element, which, value);
    if (s == NULL) return -1;
    int equal = PyUnicode_CompareWithASCIIString(s, expected) == 0;
    Py_DECREF(s);
    return equal;
}

/* Python's str.split() separators among ASCII characters. */
static int
is_ascii_space(unsigned char c)
{
    return c < 0x80 && ascii_space[c];
}

static int
is_word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* _classify_label(label.lower()) for an ASCII label; low is the label lowered (A-Z to a-z),
 * size bytes, and scratch has room for size * 2 bytes (the pairs and triples looked up). */
static long
classify_ascii_label(const char *low, size_t size, char *scratch)
{
    /* if not _HIDDEN_CLASSES.isdisjoint(label.split()) */
    for (size_t i = 0; i < size;) {
        while (i < size && is_ascii_space((unsigned char)low[i])) i++;
        size_t start = i;
        while (i < size && !is_ascii_space((unsigned char)low[i])) i++;
        if (i > start && (word_flags(low + start, i - start) & W_HIDDEN)) return kind_boilerplate;
    }
    /* words = the runs of [a-z0-9]; none of them a trigger word: plain */
    int trigger = 0;
    for (size_t i = 0; i < size && !trigger;) {
        while (i < size && !is_word_char((unsigned char)low[i])) i++;
        size_t start = i;
        while (i < size && is_word_char((unsigned char)low[i])) i++;
        if (i > start && (word_flags(low + start, i - start) & W_TRIGGER)) trigger = 1;
    }
    if (!trigger) return kind_plain;
    int strong = 0, weak = 0, content = 0, body = 0;
    const char *before = low, *previous = low; /* empty at first */
    size_t before_size = 0, previous_size = 0;
    for (size_t i = 0; i < size;) {
        while (i < size && !is_word_char((unsigned char)low[i])) i++;
        size_t start = i;
        while (i < size && is_word_char((unsigned char)low[i])) i++;
        if (i == start) break;
        const char *word = low + start;
        size_t word_size = i - start;
        unsigned flags = word_flags(word, word_size);
        /* pair = previous + word; triple = before + pair */
        memcpy(scratch, before, before_size);
        memcpy(scratch + before_size, previous, previous_size);
        memcpy(scratch + before_size + previous_size, word, word_size);
        unsigned pair = word_flags(scratch + before_size, previous_size + word_size);
        unsigned triple = word_flags(scratch, before_size + previous_size + word_size);
        if (!(word_flags(previous, previous_size) & W_LAYOUT)) {
            strong = strong || (flags & W_STRONG) || (pair & W_STRONG);
            weak = weak || (flags & W_WEAK) || (pair & W_WEAK);
        }
        content = content || (flags & W_CONTENT);
        body = body || (flags & W_BODY) || (pair & W_BODY) || (triple & W_BODY);
        before = previous, before_size = previous_size;
        previous = word, previous_size = word_size;
    }
    if (strong || (weak && !content)) return kind_boilerplate;
    return body ? kind_body : kind_plain;
}

/* The kind of a label given as UTF-8 bytes when it is ASCII, else -2 (leave it to Python). */
static long
ascii_label_kind(const char *label, size_t size)
{
    char small[512];
    char *low = size * 3 <= sizeof(small) ? small : PyMem_Malloc(size * 3 + 1);
    if (low == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    long kind = -2;
    size_t i;
    for (i = 0; i < size; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c >= 0x80) break;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    if (i == size) kind = classify_ascii_label(low, size, low + size);
    if (low != small) PyMem_Free(low);
    return kind;
}

/* _classify(dict(element.items()), tag): the kind, or -1 with an exception set. */
static long
classify(PyObject *element, const attr_value values[A_N], unsigned flags)
{
    if (!(flags & T_NEVER_BOILERPLATE)) {
        if (values[A_HIDDEN].attr != NULL) return kind_boilerplate;
        if (values[A_ARIA_HIDDEN].attr != NULL) {
            int equal = value_equals(element, A_ARIA_HIDDEN, &values[A_ARIA_HIDDEN], "true");
            if (equal < 0) return -1;
            if (equal) return kind_boilerplate;
        }
        const attr_value *style = &values[A_STYLE];
        if (style->attr != NULL && (style->text == NULL || strchr((const char *)style->text, ':') != NULL)) {
            PyObject *s = attr_str(element, A_STYLE, style);
            if (s == NULL) return -1;
            PyObject *hidden = PyObject_CallOneArg(hidden_style_func, s);
            Py_DECREF(s);
            if (hidden == NULL) return -1;
            int truth = PyObject_IsTrue(hidden);
            Py_DECREF(hidden);
            if (truth < 0) return -1;
            if (truth) return kind_boilerplate;
        }
    }
    if (values[A_ITEMPROP].attr != NULL) {
        int equal = value_equals(element, A_ITEMPROP, &values[A_ITEMPROP], "articleBody");
        if (equal < 0) return -1;
        if (equal) return kind_body;
    }
    if (values[A_CLASS].attr == NULL && values[A_ID].attr == NULL && values[A_ROLE].attr == NULL)
        return kind_plain;
    /* f"{cls or ''} {id_ or ''} {role or ''}" */
    PyObject *parts[3] = {NULL, NULL, NULL}, *label = NULL;
    long kind = -1;
    static const int order[3] = {A_CLASS, A_ID, A_ROLE};
    int direct = 1;
    size_t size = 2;
    for (int k = 0; k < 3; k++) {
        const attr_value *v = &values[order[k]];
        if (v->attr != NULL && v->text == NULL) direct = 0;
        else if (v->attr != NULL) size += strlen((const char *)v->text);
    }
    if (direct) {
        /* the common case: one decode of the joined bytes */
        char small[256];
        char *buffer = size < sizeof(small) ? small : PyMem_Malloc(size);
        if (buffer == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        size_t at = 0;
        for (int k = 0; k < 3; k++) {
            const attr_value *v = &values[order[k]];
            if (k > 0) buffer[at++] = ' ';
            if (v->attr != NULL) {
                size_t n = strlen((const char *)v->text);
                memcpy(buffer + at, v->text, n);
                at += n;
            }
        }
        kind = ascii_label_kind(buffer, at);
        if (kind == -2) label = PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)at, NULL);
        if (buffer != small) PyMem_Free(buffer);
        if (kind == -1) goto done;
        if (kind >= 0) goto classified;
        kind = -1;
        if (label == NULL) goto done;
    } else {
        for (int k = 0; k < 3; k++) {
            if (values[order[k]].attr == NULL) {
                Py_INCREF(empty_str);
                parts[k] = empty_str;
            } else if ((parts[k] = attr_str(element, order[k], &values[order[k]])) == NULL) {
                goto done;
            }
        }
        PyObject *space = PyUnicode_FromOrdinal(' ');
        if (space == NULL) goto done;
        PyObject *tuple = PyTuple_Pack(5, parts[0], space, parts[1], space, parts[2]);
        Py_DECREF(space);
        if (tuple == NULL) goto done;
        label = PyUnicode_Join(empty_str, tuple);
        Py_DECREF(tuple);
        if (label == NULL) goto done;
    }
    PyObject *cached = PyDict_GetItemWithError(label_kinds, label); /* borrowed */
    PyObject *result;
    if (cached != NULL) {
        Py_INCREF(cached);
        result = cached;
    } else if (PyErr_Occurred()) {
        goto done;
    } else if ((result = PyObject_CallOneArg(label_kind_func, label)) == NULL) {
        goto done;
    }
    kind = PyLong_AsLong(result);
    Py_DECREF(result);
    if (kind == -1 && PyErr_Occurred()) goto done;
    if (kind == -1) {
        PyErr_SetString(PyExc_ValueError, "_label_kind returned -1");
        goto done;
    }
classified:
    if (kind == kind_boilerplate && (flags & T_NEVER_BOILERPLATE)) kind = kind_plain;
done:
    Py_XDECREF(label);
    for (int k = 0; k < 3; k++) Py_XDECREF(parts[k]);
    return kind;
}

/* ---- The walk. -------------------------------------------------------------------------- */

typedef struct {
    mirror_node *node;
    Py_ssize_t parent;
    Py_ssize_t text_len, link_len, claimed_text, claimed_link;
    double value;
    unsigned flags;
    char boilerplate, body_hint, in_link, in_boilerplate;
} slot;

static PyObject *
list_of_ints(const slot *slots, Py_ssize_t count, size_t offset)
{
    PyObject *list = PyList_New(count);
    if (list == NULL) return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyLong_FromSsize_t(*(const Py_ssize_t *)((const char *)&slots[i] + offset));
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyObject *
list_of_bools(const slot *slots, Py_ssize_t count, size_t offset)
{
    PyObject *list = PyList_New(count);
    if (list == NULL) return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = *((const char *)&slots[i] + offset) ? Py_True : Py_False;
        Py_INCREF(item);
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyObject *
score(PyObject *self, PyObject *elements)
{
    (void)self;
    if (!configured) Py_RETURN_NONE;
    if (!PyList_Check(elements)) {
        PyErr_SetString(PyExc_TypeError, "score() takes a list of elements");
        return NULL;
    }
    /* A private copy holds every proxy, and so every node read, alive whatever the Python
     * callbacks below do. */
    PyObject *held = PyList_AsTuple(elements);
    if (held == NULL) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(held);
    slot *slots = PyMem_Calloc(count ? (size_t)count : 1, sizeof(slot));
    Py_ssize_t *stack = PyMem_Malloc((count ? (size_t)count : 1) * sizeof(Py_ssize_t));
    tag_cache *cache = PyMem_Calloc(1, sizeof(tag_cache));
    PyObject *result = NULL;
    if (slots == NULL || stack == NULL || cache == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* Nodes, parents (the nearest enclosing element earlier in document order, as
     * position.get(element.getparent(), -1)), tags, labels and link nesting. */
    Py_ssize_t depth = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *element = PyTuple_GET_ITEM(held, i);
        mirror_node *node = node_of(element);
        if (node == NULL) goto fallback;
        slot *s = &slots[i];
        s->node = node;
        while (depth > 0 && slots[stack[depth - 1]].node != node->parent) depth--;
        s->parent = depth > 0 ? stack[depth - 1] : -1;
        /* in document order only the first element's parent lies outside the list */
        if (i > 0 && s->parent < 0) goto fallback;
        stack[depth++] = i;
        int ns = namespaced(node->ns);
        if (ns < 0) goto fallback;
        unsigned flags = ns ? 0 : tag_flags(cache, node->name);
        s->flags = flags;
        if (flags & T_FURNITURE) {
            s->boilerplate = 1;
        } else if (node->properties != NULL) {
            attr_value values[A_N];
            int attributes = read_attributes(node, values);
            if (attributes < 0) goto fallback;
            if (attributes > 0) {
                long kind = classify(element, values, flags);
                if (kind == -1) goto done;
                s->boilerplate = kind == kind_boilerplate;
                s->body_hint = kind == kind_body;
            }
        }
        s->in_link = (flags & T_LINK) || (s->parent >= 0 && slots[s->parent].in_link);
    }
    for (Py_ssize_t i = count - 1; i >= 0; i--) {
        slot *s = &slots[i];
        unsigned flags = s->flags;
        Py_ssize_t text;
        if (stripped_length(s->node->children, &text) < 0) goto fallback;
        Py_ssize_t total = s->text_len + text;
        s->text_len = total;
        if (s->in_link) s->link_len = total;
        if (flags & (T_BLOCK | T_CONTAINER)) {
            Py_ssize_t free_text = total - s->claimed_text;
            Py_ssize_t free_link = s->link_len - s->claimed_link;
            if ((flags & T_BLOCK) || free_text - free_link >= loose_text_min) {
                if (free_text > 0 && !(flags & T_HEADING)) {
                    double penalty = (flags & T_PARAGRAPH) ? prose_link_penalty : link_penalty;
                    double cost = (flags & T_CELL) ? 0.0 : block_cost;
                    double gain = (double)(free_text - free_link);
                    gain = gain - penalty * (double)free_link;
                    gain = gain - cost;
                    s->value = s->value + gain;
                }
                s->claimed_text = total;
                s->claimed_link = s->link_len;
            }
        }
        Py_ssize_t p = s->parent;
        if (p < 0) continue;
        slot *up = &slots[p];
        Py_ssize_t tail;
        if (stripped_length(s->node->next, &tail) < 0) goto fallback;
        up->text_len += total + tail;
        up->link_len += s->link_len;
        up->claimed_text += s->claimed_text;
        up->claimed_link += s->claimed_link;
        if (s->boilerplate) {
            /* min(value, 0.0) keeps value unless 0.0 < value (so -0.0 stays -0.0) */
            double least = 0.0 < s->value ? 0.0 : s->value;
            double passed = least - boilerplate_penalty * (double)total;
            up->value = up->value + passed;
        } else {
            up->value = up->value + s->value;
        }
    }
    {
        double wrapper = count ? wrapper_share * (double)slots[0].text_len : 0.0;
        for (Py_ssize_t i = 0; i < count; i++) {
            slot *s = &slots[i];
            if (s->boilerplate && (double)s->text_len > wrapper) s->boilerplate = 0;
            Py_ssize_t p = s->parent;
            s->in_boilerplate = s->boilerplate || (p >= 0 && slots[p].in_boilerplate);
        }
    }
    {
        PyObject *parent = list_of_ints(slots, count, offsetof(slot, parent));
        PyObject *text_len = list_of_ints(slots, count, offsetof(slot, text_len));
        PyObject *link_len = list_of_ints(slots, count, offsetof(slot, link_len));
        PyObject *value = PyList_New(count);
        if (value != NULL) {
            for (Py_ssize_t i = 0; i < count; i++) {
                PyObject *item = PyFloat_FromDouble(slots[i].value);
                if (item == NULL) {
                    Py_CLEAR(value);
                    break;
                }
                PyList_SET_ITEM(value, i, item);
            }
        }
        PyObject *boilerplate = list_of_bools(slots, count, offsetof(slot, boilerplate));
        PyObject *body_hint = list_of_bools(slots, count, offsetof(slot, body_hint));
        PyObject *in_boilerplate = list_of_bools(slots, count, offsetof(slot, in_boilerplate));
        if (parent && text_len && link_len && value && boilerplate && body_hint && in_boilerplate)
            result = PyTuple_Pack(7, parent, text_len, link_len, value, boilerplate, body_hint, in_boilerplate);
        Py_XDECREF(parent);
        Py_XDECREF(text_len);
        Py_XDECREF(link_len);
        Py_XDECREF(value);
        Py_XDECREF(boilerplate);
        Py_XDECREF(body_hint);
        Py_XDECREF(in_boilerplate);
    }
    goto done;
fallback:
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyMem_Free(slots);
    PyMem_Free(stack);
    PyMem_Free(cache);
    Py_DECREF(held);
    return result;
}

/* ---- PageSources' marks. ------------------------------------------------------------------ */

/* The attributes PageSources tests, in its order. */
enum { M_ITEMPROP, M_CLASS, M_ID, M_REL, M_N };
static const char *const MARK_NAMES[M_N] = {"itemprop", "class", "id", "rel"};

static int
mark_index(const unsigned char *name)
{
    switch (name[0]) {
    case 'i':
        if (name[1] == 'd' && name[2] == 0) return M_ID;
        return strcmp((const char *)name, "itemprop") == 0 ? M_ITEMPROP : -1;
    case 'c': return strcmp((const char *)name, "class") == 0 ? M_CLASS : -1;
    case 'r': return name[1] == 'e' && name[2] == 'l' && name[3] == 0 ? M_REL : -1;
    default: return -1;
    }
}

/* Whether a value holds one of the needles; bytes compare as the str would, the needles being
 * ASCII and the value UTF-8. */
static int
holds_any(const char *value, const char *const *needles)
{
    for (; *needles != NULL; needles++)
        if (strstr(value, *needles) != NULL) return 1;
    return 0;
}

static const char *const AUTHOR_ITEMPROP[] = {"uthor", "reator", NULL};
static const char *const AUTHOR_NAME[] = {"uthor", "yline", "fn", "riter", "ontributor", NULL};

/* A present attribute's value holds a needle: 1 / 0, or -2 for a value not read directly or
 * not UTF-8. */
static int
direct_test(const mirror_attr *attr, const char *const *needles)
{
    const unsigned char *text = direct_value(attr);
    if (text == NULL) return -2;
    const unsigned char *c = text;
    while (*c != 0 && *c < 0x80) c++;
    if (*c != 0) {
        /* lxml decodes the value strictly; refuse what it would refuse */
        PyObject *s = PyUnicode_DecodeUTF8((const char *)text, (Py_ssize_t)strlen((const char *)text), NULL);
        if (s == NULL) {
            PyErr_Clear();
            return -2;
        }
        Py_DECREF(s);
    }
    return holds_any((const char *)text, needles);
}

/* The test of one present attribute's value: 1 / 0, -1 with an exception set, -2 to leave the
 * element to Python (bytes lxml would not decode). */
static int
mark_test(PyObject *element, int which, const mirror_attr *attr, const char *const *needles)
{
    if (direct_value(attr) != NULL) return direct_test(attr, needles);
    PyObject *value = PyObject_CallMethod(element, "get", "s", MARK_NAMES[which]);
    if (value == NULL) return -1;
    if (!PyUnicode_Check(value)) {
        Py_DECREF(value);
        return -2;
    }
    const char *utf8 = PyUnicode_AsUTF8AndSize(value, NULL);
    /* a str lxml made holds no NUL, so strstr sees all of it */
    int found = utf8 == NULL ? -1 : holds_any(utf8, needles);
    Py_DECREF(value);
    return found;
}

#define MAX_MARK_TAGS 16

/* The tags PageSources collects (a tuple), as UTF-8 names: how many, or -1 with an exception set. */
static Py_ssize_t
read_tag_names(PyObject *tags, const char **tag_names)
{
    Py_ssize_t tag_total = PyTuple_GET_SIZE(tags);
    if (tag_total > MAX_MARK_TAGS) {
        PyErr_SetString(PyExc_ValueError, "too many tags");
        return -1;
    }
    for (Py_ssize_t t = 0; t < tag_total; t++) {
        PyObject *tag = PyTuple_GET_ITEM(tags, t);
        Py_ssize_t size;
        const char *name = PyUnicode_Check(tag) ? PyUnicode_AsUTF8AndSize(tag, &size) : NULL;
        if (name == NULL || size == 0 || (Py_ssize_t)strlen(name) != size || strchr(name, '{') != NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "tags must be plain non-empty names");
            return -1;
        }
        tag_names[t] = name;
    }
    return tag_total;
}

/* libxml2 interns a document's names, so most elements find their tag by address. */
typedef struct {
    const unsigned char *name[TAG_CACHE];
    int index[TAG_CACHE];
} mark_tag_cache;

/* Which of tag_names an element's (unnamespaced) name is, or -1. */
static int
tag_index(mark_tag_cache *cache, const char *const *tag_names, Py_ssize_t tag_total, const unsigned char *name)
{
    if (tag_total == 0) return -1;
    size_t slot = ((size_t)name >> 4) % TAG_CACHE;
    if (cache->name[slot] != name) {
        int found = -1;
        for (Py_ssize_t t = 0; t < tag_total && found < 0; t++)
            if (strcmp(tag_names[t], (const char *)name) == 0) found = (int)t;
        cache->name[slot] = name;
        cache->index[slot] = found;
    }
    return cache->index[slot];
}

/* The element's itemprop/class/id/rel attributes (the first of each name, as .get), or -1 when
 * a namespace is odd and the Python walk must decide. */
static int
find_marks(const mirror_node *node, const mirror_attr **found)
{
    for (int which = 0; which < M_N; which++) found[which] = NULL;
    for (const mirror_attr *attr = node->properties; attr != NULL; attr = attr->next) {
        if (attr->type != ATTRIBUTE_NODE) continue;
        int attr_ns = namespaced(attr->ns);
        if (attr_ns < 0) return -1;
        if (attr_ns) continue;
        int which = mark_index(attr->name);
        if (which >= 0 && found[which] == NULL) found[which] = attr;
    }
    return 0;
}

/* marks(elements, tags): PageSources' walk over root.iter(etree.Element). */
static PyObject *
marks(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "marks(elements, tags)");
        return NULL;
    }
    if (!configured) Py_RETURN_NONE;
    PyObject *elements = args[0], *tags = args[1];
    if (!PyList_Check(elements) || !PyTuple_Check(tags)) {
        PyErr_SetString(PyExc_TypeError, "marks() takes a list of elements and a tuple of tags");
        return NULL;
    }
    const char *tag_names[MAX_MARK_TAGS];
    Py_ssize_t tag_total = read_tag_names(tags, tag_names);
    if (tag_total < 0) return NULL;
    /* A private copy holds every proxy, and so every node read, alive whatever .get does. */
    PyObject *held = PyList_AsTuple(elements);
    if (held == NULL) return NULL;
    PyObject *by_tag = PyTuple_New(tag_total), *itemprops = PyList_New(0), *candidates = PyList_New(0);
    PyObject *result = NULL;
    if (by_tag == NULL || itemprops == NULL || candidates == NULL) goto done;
    for (Py_ssize_t t = 0; t < tag_total; t++) {
        PyObject *list = PyList_New(0);
        if (list == NULL) goto done;
        PyTuple_SET_ITEM(by_tag, t, list);
    }
    mark_tag_cache seen;
    memset(&seen, 0, sizeof(seen));
    Py_ssize_t count = PyTuple_GET_SIZE(held);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *element = PyTuple_GET_ITEM(held, i);
        mirror_node *node = node_of(element);
        if (node == NULL) goto fallback;
        int ns = namespaced(node->ns);
        if (ns < 0) goto fallback;
        int tag = ns ? -1 : tag_index(&seen, tag_names, tag_total, node->name);
        if (tag >= 0 && PyList_Append(PyTuple_GET_ITEM(by_tag, tag), element) < 0) goto done;
        if (node->properties == NULL) continue;
        const mirror_attr *found[M_N];
        if (find_marks(node, found) < 0) goto fallback;
        if (found[M_ITEMPROP] != NULL) {
            if (PyList_Append(itemprops, element) < 0) goto done;
            int hit = mark_test(element, M_ITEMPROP, found[M_ITEMPROP], AUTHOR_ITEMPROP);
            if (hit == -1) goto done;
            if (hit == -2) goto fallback;
            if (hit) {
                if (PyList_Append(candidates, element) < 0) goto done;
                continue;
            }
        }
        for (int which = M_CLASS; which < M_N; which++) {
            if (found[which] == NULL) continue;
            int hit = mark_test(element, which, found[which], AUTHOR_NAME);
            if (hit == -1) goto done;
            if (hit == -2) goto fallback;
            if (hit) {
                if (PyList_Append(candidates, element) < 0) goto done;
                break;
            }
        }
    }
    result = PyTuple_Pack(3, by_tag, itemprops, candidates);
    goto done;
fallback:
    Py_INCREF(Py_None);
    result = Py_None;
done:
    Py_XDECREF(by_tag);
    Py_XDECREF(itemprops);
    Py_XDECREF(candidates);
    Py_DECREF(held);
    return result;
}

/* walk(root, tags): marks() from the root's node itself, making proxies only for the elements it
 * returns, through lxml's public C API (elementFactory, the function lxml's own iterators use).
 * The tree is read in full before the first proxy is made, with no Python code running; None
 * (leave it to marks()) for anything that needs lxml to read an attribute, and for node shapes
 * whose traversal might differ from lxml's. */
typedef PyObject *(*element_factory_fn)(PyObject *doc, mirror_node *node);
static element_factory_fn element_factory = NULL;

typedef struct {
    mirror_node *node;
    int tag;             /* index in tags, or -1 */
    char itemprop, candidate;
} mark_record;

static PyObject *
walk(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "walk(root, tags)");
        return NULL;
    }
    if (!configured || element_factory == NULL) Py_RETURN_NONE;
    PyObject *root = args[0], *tags = args[1];
    if (!PyTuple_Check(tags)) {
        PyErr_SetString(PyExc_TypeError, "walk() takes a tuple of tags");
        return NULL;
    }
    const char *tag_names[MAX_MARK_TAGS];
    Py_ssize_t tag_total = read_tag_names(tags, tag_names);
    if (tag_total < 0) return NULL;
    mirror_node *top = node_of(root);
    PyObject *doc = top != NULL ? (PyObject *)((mirror_element *)root)->_doc : NULL;
    if (top == NULL || doc == NULL) Py_RETURN_NONE;
    Py_INCREF(root); /* keeps the document, and so every node, alive */
    Py_INCREF(doc);
    /* The records below hold raw node pointers until their proxies exist. Allocating lists and
       proxies can start a garbage collection, whose finalisers could run arbitrary Python and
       change the tree under those pointers: no collection until the proxies are made. */
    int gc_was_enabled = PyGC_Disable();
    mark_record *records = NULL;
    size_t record_count = 0, record_room = 0;
    PyObject *by_tag = NULL, *itemprops = NULL, *candidates = NULL, *result = NULL;
    mark_tag_cache seen;
    memset(&seen, 0, sizeof(seen));
    /* Document order, elements only, as root.iter(etree.Element): the root, then depth first. */
    mirror_node *node = top;
    while (node != NULL) {
        if (node->type == ELEMENT_NODE) {
            if (node->doc != top->doc) goto fallback;
            int ns = namespaced(node->ns);
            if (ns < 0) goto fallback;
            mark_record record = {node, -1, 0, 0};
            if (!ns) record.tag = tag_index(&seen, tag_names, tag_total, node->name);
            if (node->properties != NULL) {
                const mirror_attr *found[M_N];
                if (find_marks(node, found) < 0) goto fallback;
                int hit = 0;
                if (found[M_ITEMPROP] != NULL) {
                    record.itemprop = 1;
                    hit = direct_test(found[M_ITEMPROP], AUTHOR_ITEMPROP);
                    if (hit < 0) goto fallback;
                }
                for (int which = M_CLASS; which < M_N && !hit; which++) {
                    if (found[which] == NULL) continue;
                    hit = direct_test(found[which], AUTHOR_NAME);
                    if (hit < 0) goto fallback;
                }
                record.candidate = (char)hit;
            }
            if (record.tag >= 0 || record.itemprop || record.candidate) {
                if (record_count == record_room) {
                    size_t room = record_room ? record_room * 2 : 64;
                    mark_record *grown = PyMem_Realloc(records, room * sizeof(mark_record));
                    if (grown == NULL) {
                        PyErr_NoMemory();
                        goto done;
                    }
                    records = grown, record_room = room;
                }
                records[record_count++] = record;
            }
            if (node->children != NULL) {
                node = node->children;
                continue;
            }
        } else if (node->children != NULL && node->type != ENTITY_REF_NODE) {
            goto fallback; /* lxml would look inside; nothing the parsers make */
        }
        /* the next node in document order within top */
        while (node != top && node->next == NULL) node = node->parent;
        if (node == top) break;
        node = node->next;
        if (node == NULL) goto fallback;
    }
    by_tag = PyTuple_New(tag_total);
    itemprops = PyList_New(0);
    candidates = PyList_New(0);
    if (by_tag == NULL || itemprops == NULL || candidates == NULL) goto done;
    for (Py_ssize_t t = 0; t < tag_total; t++) {
        PyObject *list = PyList_New(0);
        if (list == NULL) goto done;
        PyTuple_SET_ITEM(by_tag, t, list);
    }
    for (size_t r = 0; r < record_count; r++) {
        const mark_record *record = &records[r];
        PyObject *element = element_factory(doc, record->node);
        if (element == NULL) goto done;
        int failed = (record->tag >= 0 && PyList_Append(PyTuple_GET_ITEM(by_tag, record->tag), element) < 0) ||
                     (record->itemprop && PyList_Append(itemprops, element) < 0) ||
                     (record->candidate && PyList_Append(candidates, element) < 0);
        Py_DECREF(element);
        if (failed) goto done;
    }
    result = PyTuple_Pack(3, by_tag, itemprops, candidates);
    goto done;
fallback:
    Py_INCREF(Py_None);
    result = Py_None;
done:
    Py_XDECREF(by_tag);
    Py_XDECREF(itemprops);
    Py_XDECREF(candidates);
    PyMem_Free(records);
    if (gc_was_enabled) PyGC_Enable();
    Py_DECREF(doc);
    Py_DECREF(root);
    return result;
}

/* Takes lxml's elementFactory from lxml.etree's public C API (lxml/etree_api.h). */
static PyObject *
use_element_factory(PyObject *self, PyObject *capsule)
{
    (void)self;
    static const char signature[] = "struct LxmlElement *(struct LxmlDocument *, xmlNode *)";
    if (!PyCapsule_IsValid(capsule, signature)) {
        PyErr_SetString(PyExc_TypeError, "not lxml's elementFactory capsule");
        return NULL;
    }
    element_factory = (element_factory_fn)PyCapsule_GetPointer(capsule, signature);
    if (element_factory == NULL) return NULL;
    Py_RETURN_NONE;
}

/* ---- What this code sees of one element, for the import-time layout check. ------------- */

static PyObject *
run_text(const mirror_node *node)
{
    /* _collectText: None without text nodes, else their contents joined. */
    node = text_node_or_skip(node);
    if (node == NULL) Py_RETURN_NONE;
    PyObject *parts = PyList_New(0), *result = NULL;
    if (parts == NULL) return NULL;
    for (; node != NULL; node = text_node_or_skip(node->next)) {
        const char *content = node->content != NULL ? (const char *)node->content : "";
        PyObject *part = PyUnicode_DecodeUTF8(content, (Py_ssize_t)strlen(content), NULL);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            goto done;
        }
        Py_DECREF(part);
    }
    result = PyUnicode_Join(empty_str, parts);
done:
    Py_DECREF(parts);
    return result;
}

static PyObject *
qualified_name(const mirror_ns *ns, const unsigned char *name)
{
    if (ns == NULL || ns->href == NULL) return PyUnicode_FromString((const char *)name);
    return PyUnicode_FromFormat("{%s}%s", (const char *)ns->href, (const char *)name);
}

static PyObject *
inspect(PyObject *self, PyObject *element)
{
    (void)self;
    if (!configured) Py_RETURN_NONE;
    mirror_node *node = node_of(element);
    if (node == NULL) Py_RETURN_NONE;
    PyObject *tag = NULL, *items = NULL, *text = NULL, *tail = NULL, *lengths = NULL, *result = NULL;
    Py_ssize_t text_length, tail_length;
    if ((tag = qualified_name(node->ns, node->name)) == NULL) goto done;
    if ((items = PyList_New(0)) == NULL) goto done;
    for (const mirror_attr *attr = node->properties; attr != NULL; attr = attr->next) {
        if (attr->type != ATTRIBUTE_NODE) continue;
        const unsigned char *value = direct_value(attr);
        PyObject *name = qualified_name(attr->ns, attr->name);
        PyObject *item = NULL;
        if (name != NULL) {
            if (value != NULL) {
                item = Py_BuildValue("(Os)", name, (const char *)value);
            } else {
                item = Py_BuildValue("(OO)", name, Py_None);
            }
        }
        Py_XDECREF(name);
        if (item == NULL || PyList_Append(items, item) < 0) {
            Py_XDECREF(item);
            goto done;
        }
        Py_DECREF(item);
    }
    if ((text = run_text(node->children)) == NULL) goto done;
    if ((tail = run_text(node->next)) == NULL) goto done;
    if (stripped_length(node->children, &text_length) < 0 || stripped_length(node->next, &tail_length) < 0) {
        Py_INCREF(Py_None);
        lengths = Py_None;
    } else if ((lengths = Py_BuildValue("(nn)", text_length, tail_length)) == NULL) {
        goto done;
    }
    result = PyTuple_Pack(5, tag, items, text, tail, lengths);
done:
    Py_XDECREF(tag);
    Py_XDECREF(items);
    Py_XDECREF(text);
    Py_XDECREF(tail);
    Py_XDECREF(lengths);
    return result;
}

/* find_content_root's scan: (best, best_value, best_labelled, best_labelled_value) over the
 * lists of a PageScores, or None for lists that are not of equal length and exact float / bool
 * items (the Python loop then runs). */
static PyObject *
best(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "best(value, body_hint, in_boilerplate, bonus)");
        return NULL;
    }
    PyObject *values = args[0], *body_hint = args[1], *in_boilerplate = args[2];
    double bonus = PyFloat_AsDouble(args[3]);
    if (bonus == -1.0 && PyErr_Occurred()) return NULL;
    if (!PyList_CheckExact(values) || !PyList_CheckExact(body_hint) || !PyList_CheckExact(in_boilerplate))
        Py_RETURN_NONE;
    Py_ssize_t count = PyList_GET_SIZE(values);
    if (PyList_GET_SIZE(body_hint) != count || PyList_GET_SIZE(in_boilerplate) != count) Py_RETURN_NONE;
    Py_ssize_t best_index = -1, best_labelled = -1;
    double best_value = 0.0, best_labelled_value = 0.0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyList_GET_ITEM(values, i), *hint = PyList_GET_ITEM(body_hint, i);
        PyObject *labelled = PyList_GET_ITEM(in_boilerplate, i);
        if (!PyFloat_CheckExact(item) || !PyBool_Check(hint) || !PyBool_Check(labelled)) Py_RETURN_NONE;
        double v = PyFloat_AS_DOUBLE(item);
        if (hint == Py_True && v > 0) v = v * bonus;
        if (labelled == Py_True) {
            if (v > best_labelled_value) best_labelled = i, best_labelled_value = v;
        } else if (v > best_value) {
            best_index = i, best_value = v;
        }
    }
    return Py_BuildValue("(ndnd)", best_index, best_value, best_labelled, best_labelled_value);
}

static PyObject *
label_kind(PyObject *self, PyObject *label)
{
    (void)self;
    if (!configured) Py_RETURN_NONE;
    Py_ssize_t size;
    const char *text = PyUnicode_Check(label) ? PyUnicode_AsUTF8AndSize(label, &size) : NULL;
    if (text == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "label_kind() takes a str");
        return NULL;
    }
    long kind = ascii_label_kind(text, (size_t)size);
    if (kind == -1) return NULL;
    if (kind == -2) Py_RETURN_NONE;
    return PyLong_FromLong(kind);
}

static PyMethodDef methods[] = {
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS,
     "Take the element class, the label classifier and the scoring constants of parse._content."},
    {"score", score, METH_O,
     "(parent, text_len, link_len, value, boilerplate, body_hint, in_boilerplate) of the elements, "
     "or None to leave them to the Python walk."},
    {"best", (PyCFunction)(void (*)(void))best, METH_FASTCALL,
     "best(value, body_hint, in_boilerplate, bonus): find_content_root's scan, or None."},
    {"marks", (PyCFunction)(void (*)(void))marks, METH_FASTCALL,
     "marks(elements, tags): (per-tag lists, itemprop elements, byline candidates) as PageSources "
     "finds them, or None to leave them to the Python walk."},
    {"walk", (PyCFunction)(void (*)(void))walk, METH_FASTCALL,
     "walk(root, tags): marks() of root.iter(etree.Element), walking the nodes and making proxies only "
     "for the elements returned; None to leave them to marks()."},
    {"use_element_factory", use_element_factory, METH_O,
     "Take lxml.etree.__pyx_capi__['elementFactory'] for walk()."},
    {"label_kind", label_kind, METH_O,
     "_classify_label(label.lower()) for an ASCII label, in C; None for any other label."},
    {"inspect", inspect, METH_O,
     "(tag, items, text, tail, (len(text.strip()), len(tail.strip()))) as read from the node, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "newsmodel._pagescore", "The page-scoring walk of newsmodel.parse._content, in C.",
    -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__pagescore(void)
{
    if ((empty_str = PyUnicode_FromString("")) == NULL) return NULL;
    return PyModule_Create(&moduledef);
}
