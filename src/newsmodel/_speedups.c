/* newsmodel._speedups: the common, valid case of the JSON round trip, in C.
 *
 * Reading builds Article, AuthorProfile, Publisher, Subject, Section, Paragraph and Quote objects
 * straight from the dicts orjson returns, applying exactly the model's validators. Anything this
 * code does not recognise as plainly valid (an unknown key, a str subclass, an empty string, a
 * mark, a table...) is "not mine": the object is handed to the pure-Python hook that would have
 * built it, or, for the article itself, the caller reads the whole document in Python. So this
 * code may refuse more than the model does, never less.
 *
 * Writing turns an article into the same dicts, in the same key order, as the cattrs hooks.
 *
 * Objects are allocated with the class's tp_alloc (as object.__new__ does) and their slots are
 * filled through the member descriptors' offsets, looked up once by configure(), which refuses
 * classes that do not look exactly as expected.
 *
 * Internal builders return 1 with a new reference in *out, 0 for "not mine" (no exception set),
 * or -1 with an exception set.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <datetime.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_FIELDS 16

typedef struct {
    PyTypeObject *type;
    Py_ssize_t offset[MAX_FIELDS];
    int nfields;
} klass;

/* Field order is the attrs order; the Python side checks it against attrs.fields(). */
static const char *const ARTICLE_FIELDS[] = {
    "headline", "summary", "summary_quotes", "kicker", "dateline", "authors", "published",
    "modified", "language", "url", "identifier", "publisher", "subjects", "sections", NULL};
enum { A_HEADLINE, A_SUMMARY, A_SUMMARY_QUOTES, A_KICKER, A_DATELINE, A_AUTHORS, A_PUBLISHED,
       A_MODIFIED, A_LANGUAGE, A_URL, A_IDENTIFIER, A_PUBLISHER, A_SUBJECTS, A_SECTIONS, A_N };
static const char *const AUTHOR_FIELDS[] = {
    "name", "role", "organization", "bio", "url", "email", "image", "education", "expertise",
    "same_as", NULL};
enum { P_NAME, P_ROLE, P_ORGANIZATION, P_BIO, P_URL, P_EMAIL, P_IMAGE, P_EDUCATION, P_EXPERTISE,
       P_SAME_AS, P_N };
static const char *const PUBLISHER_FIELDS[] = {"name", "url", NULL};
static const char *const SUBJECT_FIELDS[] = {"name", "code", NULL};
static const char *const SECTION_FIELDS[] = {"heading", "level", "blocks", NULL};
enum { S_HEADING, S_LEVEL, S_BLOCKS, S_N };
static const char *const PARAGRAPH_FIELDS[] = {"text", "quotes", "marks", NULL};
enum { G_TEXT, G_QUOTES, G_MARKS, G_N };
static const char *const QUOTE_FIELDS[] = {"text", "start", "end", "speaker", "kind", NULL};
enum { Q_TEXT, Q_START, Q_END, Q_SPEAKER, Q_KIND, Q_N };
static const char *const LINK_FIELDS[] = {"start", "end", "href", "title", NULL};
enum { L_START, L_END, L_HREF, L_TITLE, L_N };
static const char *const EMPHASIS_FIELDS[] = {"start", "end", "style", NULL};
enum { E_START, E_END, E_STYLE, E_N };

static klass K_ARTICLE, K_AUTHOR, K_PUBLISHER, K_SUBJECT, K_SECTION, K_PARAGRAPH, K_QUOTE, K_LINK, K_EMPHASIS;
static int configured = 0;

/* Python hooks for what this module leaves to Python. */
static PyObject *block_hook, *section_hook, *author_hook, *publisher_hook, *subject_hook;
static PyObject *datetime_hook, *unstructure_block_hook;
static PyObject *block_types; /* tuple of the five block classes */
static PyObject *checked_var;  /* model._CHARACTERS_CHECKED, set around hooks for pre-checked input */

/* Interned strings and constants. */
static PyObject *s_type, *s_text, *s_quotes, *s_marks, *s_paragraph, *s_start, *s_end, *s_speaker,
    *s_kind, *s_heading, *s_level, *s_blocks, *s_name, *s_role, *s_organization, *s_bio, *s_url,
    *s_email, *s_image, *s_education, *s_expertise, *s_same_as, *s_code, *s_headline, *s_summary,
    *s_summary_quotes, *s_kicker, *s_dateline, *s_authors, *s_published, *s_modified, *s_language,
    *s_identifier, *s_publisher, *s_subjects, *s_sections, *s_format_version, *s_isoformat, *s_fromisoformat;
static PyObject *s_kinds[4]; /* direct, partial, block, scare */
static PyObject *s_styles[5]; /* emphasis (also the mark's tag), strong, code, underline, strike */
static PyObject *s_link, *s_href, *s_title, *s_style;
static PyObject *int_two, *int_format_version, *empty_tuple;

static Py_ssize_t articles_read, articles_written, python_calls;

/* ---------------------------------------------------------------------------------------------
 * Slots */

#define SLOT(obj, k, i) (*(PyObject **)((char *)(obj) + (k).offset[i]))

/* A new instance with every slot taken from values[] (references stolen, all non-NULL). */
static PyObject *
new_instance(klass *k, PyObject **values)
{
    PyObject *obj = k->type->tp_alloc(k->type, 0);
    if (obj == NULL) {
        for (int i = 0; i < k->nfields; i++) Py_DECREF(values[i]);
        return NULL;
    }
    for (int i = 0; i < k->nfields; i++) SLOT(obj, *k, i) = values[i];
    return obj;
}

static int
setup_klass(klass *k, PyObject *type, const char *const *names)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "expected a class");
        return -1;
    }
    PyTypeObject *tp = (PyTypeObject *)type;
    /* object.__new__ semantics: no __new__ of its own, no __dict__, slots only. */
    if (tp->tp_new != PyBaseObject_Type.tp_new || tp->tp_dictoffset != 0 || tp->tp_alloc == NULL
        || tp->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "%s is not a plain slotted class", tp->tp_name);
        return -1;
    }
    int n = 0;
    for (; names[n] != NULL; n++) {
        if (n >= MAX_FIELDS) {
            PyErr_SetString(PyExc_TypeError, "too many fields");
            return -1;
        }
        PyObject *descr = PyDict_GetItemString(tp->tp_dict, names[n]); /* borrowed */
        if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
            PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", tp->tp_name, names[n]);
            return -1;
        }
        PyMemberDescrObject *member = (PyMemberDescrObject *)descr;
        if (member->d_common.d_type != tp || member->d_member->type != T_OBJECT_EX
            || (member->d_member->flags & READONLY) || member->d_member->offset < (Py_ssize_t)sizeof(PyObject)
            || member->d_member->offset + (Py_ssize_t)sizeof(PyObject *) > tp->tp_basicsize) {
            PyErr_Format(PyExc_TypeError, "%s.%s is not a plain object slot", tp->tp_name, names[n]);
            return -1;
        }
        k->offset[n] = member->d_member->offset;
    }
    Py_INCREF(type);
    Py_XSETREF(k->type, tp);
    k->nfields = n;
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Value checks: each returns 1 if the model accepts the value as it is, else 0 */

/* The characters XML 1.0 cannot carry: U+0000-0008, 000B, 000C, 000E-001F, FFFE, FFFF, surrogates. */
static int
xml_safe(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS1 c = p[i];
            if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) return 0;
        }
        return 1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x20) {
            if (c != 0x09 && c != 0x0A && c != 0x0D) return 0;
        }
        else if ((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
            return 0;
        }
    }
    return 1;
}

/* _check_str with the defaults: an exact, non-empty str that XML can carry. */
static int
ok_str(PyObject *v, int checked)
{
    if (v == NULL || !PyUnicode_CheckExact(v)) return 0;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(v) < 0) {
        PyErr_Clear();
        return 0;
    }
#endif
    if (PyUnicode_GET_LENGTH(v) == 0) return 0;
    return checked || xml_safe(v);
}

static int
is_space(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (n == 0) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) return 0;
    }
    return 1;
}

/* blank_ok=False: also not all whitespace. */
static int
ok_name(PyObject *v, int checked)
{
    return ok_str(v, checked) && !is_space(v);
}

/* A missing key or null is None; otherwise the value must pass ok_str. */
static int
ok_opt_str(PyObject *v, int checked)
{
    return v == NULL || v == Py_None || ok_str(v, checked);
}

static PyObject *
or_none(PyObject *v)
{
    if (v == NULL) v = Py_None;
    Py_INCREF(v);
    return v;
}

/* An exact int in 0..PY_SSIZE_T_MAX, else -1. */
static Py_ssize_t
small_index(PyObject *v)
{
    if (!PyLong_CheckExact(v)) return -1;
    Py_ssize_t n = PyLong_AsSsize_t(v);
    if (n == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return -1;
    }
    return n < 0 ? -1 : n;
}

/* [A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z on an exact str */
static int
ok_language(PyObject *v)
{
    if (!ok_str(v, 1) || !PyUnicode_IS_ASCII(v)) return 0;
    const char *p = (const char *)PyUnicode_DATA(v);
    Py_ssize_t n = PyUnicode_GET_LENGTH(v), i = 0;
    while (i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))) i++;
    if (i < 2 || i > 8) return 0;
    while (i < n) {
        if (p[i] != '-') return 0;
        Py_ssize_t start = ++i;
        while (i < n
               && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9')))
            i++;
        if (i - start < 1 || i - start > 8) return 0;
    }
    return 1;
}

/* "@" in email and no whitespace in it. */
static int
ok_email(PyObject *v, int checked)
{
    if (!ok_str(v, checked)) return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(v);
    int kind = PyUnicode_KIND(v);
    const void *data = PyUnicode_DATA(v);
    int at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '@') at = 1;
        else if (Py_UNICODE_ISSPACE(c)) return 0;
    }
    return at;
}

/* ---------------------------------------------------------------------------------------------
 * Dicts: look every known key up; any other key makes the dict "not mine". */

static void
release(PyObject **values, int n)
{
    for (int i = 0; i < n; i++) Py_XDECREF(values[i]);
}

/* Fills values[i] (a new reference, NULL if absent) for keys[i]. Returns 1 if the dict has no
 * other key, else releases them and returns 0 (another key) or -1 (error). The references are
 * taken at once: a hostile key's __eq__ may change the dict while later keys are looked up. */
static int
take_keys(PyObject *d, PyObject *const *keys, int n, PyObject **values)
{
    Py_ssize_t found = 0;
    for (int i = 0; i < n; i++) {
        values[i] = PyDict_GetItemWithError(d, keys[i]);
        if (values[i] != NULL) {
            Py_INCREF(values[i]);
            found++;
        }
        else if (PyErr_Occurred()) {
            release(values, i);
            return -1;
        }
    }
    if (found != PyDict_GET_SIZE(d)) {
        release(values, n);
        return 0;
    }
    return 1;
}

/* A Python hook sees the context the pure-Python path gives it: characters_already_checked()
 * when the caller proved the whole document XML-safe. */
static PyObject *
call_in_context(PyObject *hook, PyObject *arg, int checked)
{
    if (!checked) return PyObject_CallOneArg(hook, arg);
    PyObject *token = PyContextVar_Set(checked_var, Py_True);
    if (token == NULL) return NULL;
    PyObject *result = PyObject_CallOneArg(hook, arg);
    if (PyContextVar_Reset(checked_var, token) < 0) Py_CLEAR(result);
    Py_DECREF(token);
    return result;
}

/* Runs a Python hook on an object this module leaves to Python; the result must be one of
 * `types` (a class or a tuple of classes, matched exactly), else it is "not mine". */
static int
call_hook(PyObject *hook, PyObject *arg, PyObject *types, int checked, PyObject **out)
{
    python_calls++;
    PyObject *result = call_in_context(hook, arg, checked);
    if (result == NULL) return -1;
    int match = 0;
    if (PyTuple_Check(types)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(types); i++) {
            if ((PyObject *)Py_TYPE(result) == PyTuple_GET_ITEM(types, i)) match = 1;
        }
    }
    else {
        match = (PyObject *)Py_TYPE(result) == types;
    }
    if (!match) {
        Py_DECREF(result);
        return 0;
    }
    *out = result;
    return 1;
}

typedef int (*builder)(PyObject *, int, PyObject **);

/* A JSON array of objects, each built by `build`; objects it refuses go to `hook` (if any). */
static int
build_tuple(PyObject *list, int checked, builder build, PyObject *hook, PyObject *types, PyObject **out)
{
    if (!PyList_CheckExact(list)) return 0;
    Py_ssize_t n = PyList_GET_SIZE(list);
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL) return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_SIZE(list) != n) { /* a hook changed the list under us */
            Py_DECREF(tuple);
            return 0;
        }
        PyObject *item = PyList_GET_ITEM(list, i);
        PyObject *built = NULL;
        Py_INCREF(item);
        int r = build(item, checked, &built);
        if (r == 0 && hook != NULL) r = call_hook(hook, item, types, checked, &built);
        Py_DECREF(item);
        if (r != 1) {
            Py_DECREF(tuple);
            return r;
        }
        PyTuple_SET_ITEM(tuple, i, built);
    }
    *out = tuple;
    return 1;
}

/* An array of strings for a tuple[str, ...] field (education, expertise, same_as). */
static int
build_str_tuple(PyObject *list, int checked, PyObject **out)
{
    if (!PyList_CheckExact(list)) return 0;
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!ok_str(PyList_GET_ITEM(list, i), checked)) return 0;
    }
    PyObject *tuple = PyList_AsTuple(list);
    if (tuple == NULL) return -1;
    *out = tuple;
    return 1;
}

/* ---------------------------------------------------------------------------------------------
 * Reading */

static int quote_from(PyObject **v, int checked, PyObject **out);

static int
build_quote(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[Q_N];
    PyObject *v[Q_N];
    keys[Q_TEXT] = s_text, keys[Q_START] = s_start, keys[Q_END] = s_end;
    keys[Q_SPEAKER] = s_speaker, keys[Q_KIND] = s_kind;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, Q_N, v);
    if (r != 1) return r;
    r = quote_from(v, checked, out);
    release(v, Q_N);
    return r;
}

static int
quote_from(PyObject **v, int checked, PyObject **out)
{
    if (!ok_str(v[Q_TEXT], checked) || v[Q_START] == NULL || v[Q_END] == NULL) return 0;
    Py_ssize_t start = small_index(v[Q_START]), end = small_index(v[Q_END]);
    if (start < 0 || end < start || end - start != PyUnicode_GET_LENGTH(v[Q_TEXT])) return 0;
    if (!ok_opt_str(v[Q_SPEAKER], checked)) return 0;
    PyObject *kind = s_kinds[0];
    if (v[Q_KIND] != NULL) {
        kind = NULL;
        if (!PyUnicode_CheckExact(v[Q_KIND])) return 0;
        for (int i = 0; i < 4; i++) {
            if (PyUnicode_Compare(v[Q_KIND], s_kinds[i]) == 0) kind = v[Q_KIND];
        }
        if (kind == NULL) return 0;
    }
    int has_speaker = v[Q_SPEAKER] != NULL && v[Q_SPEAKER] != Py_None;
    if (has_speaker && PyUnicode_Compare(kind, s_kinds[3]) == 0) return 0; /* a scare quote */
    PyObject *values[Q_N] = {v[Q_TEXT], v[Q_START], v[Q_END], or_none(v[Q_SPEAKER]), kind};
    Py_INCREF(values[Q_TEXT]), Py_INCREF(values[Q_START]), Py_INCREF(values[Q_END]);
    Py_INCREF(values[Q_KIND]);
    *out = new_instance(&K_QUOTE, values);
    return *out == NULL ? -1 : 1;
}

/* Quotes lie in `text`, hold its words and come in document order (_check_quotes_in). */
static int
quotes_fit(PyObject *text, PyObject *quotes)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text), previous = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(quotes); i++) {
        PyObject *quote = PyTuple_GET_ITEM(quotes, i);
        PyObject *qtext = SLOT(quote, K_QUOTE, Q_TEXT);
        Py_ssize_t start = PyLong_AsSsize_t(SLOT(quote, K_QUOTE, Q_START));
        Py_ssize_t end = PyLong_AsSsize_t(SLOT(quote, K_QUOTE, Q_END)); /* both checked small */
        if (end > size || start < previous) return 0;
        Py_ssize_t match = PyUnicode_Tailmatch(text, qtext, start, end, -1);
        if (match != 1) {
            if (match < 0) PyErr_Clear();
            return 0;
        }
        previous = start;
    }
    return 1;
}

/* A mark: {"type": "link", start, end, href[, title]} or {"type": "emphasis", start, end[, style]}. */
static int
mark_from(PyObject **v, int checked, PyObject **out)
{
    enum { M_TYPE, M_START, M_END, M_HREF, M_TITLE, M_STYLE };
    PyObject *tag = v[M_TYPE];
    if (tag == NULL || !PyUnicode_CheckExact(tag) || v[M_START] == NULL || v[M_END] == NULL) return 0;
    Py_ssize_t start = small_index(v[M_START]), end = small_index(v[M_END]);
    if (start < 0 || end < start) return 0;
    if (PyUnicode_Compare(tag, s_link) == 0) {
        if (v[M_STYLE] != NULL || !ok_str(v[M_HREF], checked) || !ok_opt_str(v[M_TITLE], checked)) return 0;
        Py_INCREF(v[M_START]), Py_INCREF(v[M_END]), Py_INCREF(v[M_HREF]);
        PyObject *values[L_N] = {v[M_START], v[M_END], v[M_HREF], or_none(v[M_TITLE])};
        *out = new_instance(&K_LINK, values);
        return *out == NULL ? -1 : 1;
    }
    if (PyUnicode_Compare(tag, s_styles[0]) != 0 || v[M_HREF] != NULL || v[M_TITLE] != NULL) return 0;
    PyObject *style = s_styles[0];
    if (v[M_STYLE] != NULL) {
        style = NULL;
        if (!PyUnicode_CheckExact(v[M_STYLE])) return 0;
        for (int i = 0; i < 5; i++) {
            if (PyUnicode_Compare(v[M_STYLE], s_styles[i]) == 0) style = v[M_STYLE];
        }
        if (style == NULL) return 0;
    }
    Py_INCREF(v[M_START]), Py_INCREF(v[M_END]), Py_INCREF(style);
    PyObject *values[E_N] = {v[M_START], v[M_END], style};
    *out = new_instance(&K_EMPHASIS, values);
    return *out == NULL ? -1 : 1;
}

static int
build_mark(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[6];
    PyObject *v[6];
    keys[0] = s_type, keys[1] = s_start, keys[2] = s_end, keys[3] = s_href, keys[4] = s_title, keys[5] = s_style;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, 6, v);
    if (r != 1) return r;
    r = mark_from(v, checked, out);
    release(v, 6);
    return r;
}

/* Every mark ends inside the text (Paragraph._check_marks); `end` is slot 1 of both classes. */
static int
marks_fit(PyObject *text, PyObject *marks)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(marks); i++) {
        PyObject *mark = PyTuple_GET_ITEM(marks, i);
        klass *k = Py_TYPE(mark) == K_LINK.type ? &K_LINK : &K_EMPHASIS;
        if (PyLong_AsSsize_t(SLOT(mark, *k, L_END)) > size) return 0; /* checked small */
    }
    return 1;
}

static int paragraph_from(PyObject **v, int checked, PyObject **out);

static int
build_paragraph(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[4];
    PyObject *v[4];
    keys[0] = s_type, keys[1] = s_text, keys[2] = s_quotes, keys[3] = s_marks;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, 4, v);
    if (r != 1) return r;
    r = paragraph_from(v, checked, out);
    release(v, 4);
    return r;
}

static int
paragraph_from(PyObject **v, int checked, PyObject **out)
{
    int r;
    if (v[0] == NULL || !PyUnicode_CheckExact(v[0]) || PyUnicode_Compare(v[0], s_paragraph) != 0
        || !ok_str(v[1], checked))
        return 0;
    PyObject *quotes = empty_tuple, *marks = empty_tuple;
    Py_INCREF(quotes);
    if (v[2] != NULL) {
        Py_DECREF(quotes);
        r = build_tuple(v[2], checked, build_quote, NULL, NULL, &quotes);
        if (r != 1) return r;
        if (!quotes_fit(v[1], quotes)) {
            Py_DECREF(quotes);
            return 0;
        }
    }
    Py_INCREF(marks);
    if (v[3] != NULL) {
        Py_DECREF(marks);
        r = build_tuple(v[3], checked, build_mark, NULL, NULL, &marks);
        if (r == 1 && !marks_fit(v[1], marks)) {
            Py_DECREF(marks);
            r = 0;
        }
        if (r != 1) {
            Py_DECREF(quotes);
            return r;
        }
    }
    Py_INCREF(v[1]);
    PyObject *values[G_N] = {v[1], quotes, marks};
    *out = new_instance(&K_PARAGRAPH, values);
    return *out == NULL ? -1 : 1;
}

static int section_from(PyObject **v, int checked, PyObject **out);

static int
build_section(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[S_N];
    PyObject *v[S_N];
    keys[S_HEADING] = s_heading, keys[S_LEVEL] = s_level, keys[S_BLOCKS] = s_blocks;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, S_N, v);
    if (r != 1) return r;
    r = section_from(v, checked, out);
    release(v, S_N);
    return r;
}

static int
section_from(PyObject **v, int checked, PyObject **out)
{
    int r;
    PyObject *heading = v[S_HEADING];
    if (heading != NULL && heading != Py_None && !ok_name(heading, checked)) return 0;
    PyObject *level = v[S_LEVEL] == NULL ? int_two : v[S_LEVEL];
    Py_ssize_t n = small_index(level);
    if (n < 1 || n > 6) return 0;
    PyObject *blocks = empty_tuple;
    Py_INCREF(blocks);
    if (v[S_BLOCKS] != NULL) {
        Py_DECREF(blocks);
        r = build_tuple(v[S_BLOCKS], checked, build_paragraph, block_hook, block_types, &blocks);
        if (r != 1) return r;
    }
    Py_INCREF(level);
    PyObject *values[S_N] = {or_none(heading), level, blocks};
    *out = new_instance(&K_SECTION, values);
    return *out == NULL ? -1 : 1;
}

static int author_from(PyObject **v, int checked, PyObject **out);

static int
build_author(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[P_N];
    PyObject *v[P_N];
    keys[P_NAME] = s_name, keys[P_ROLE] = s_role, keys[P_ORGANIZATION] = s_organization;
    keys[P_BIO] = s_bio, keys[P_URL] = s_url, keys[P_EMAIL] = s_email, keys[P_IMAGE] = s_image;
    keys[P_EDUCATION] = s_education, keys[P_EXPERTISE] = s_expertise, keys[P_SAME_AS] = s_same_as;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, P_N, v);
    if (r != 1) return r;
    r = author_from(v, checked, out);
    release(v, P_N);
    return r;
}

static int
author_from(PyObject **v, int checked, PyObject **out)
{
    int r;
    if (!ok_name(v[P_NAME], checked)) return 0;
    for (int i = P_ROLE; i <= P_IMAGE; i++) {
        if (!ok_opt_str(v[i], checked)) return 0;
    }
    if (v[P_EMAIL] != NULL && v[P_EMAIL] != Py_None && !ok_email(v[P_EMAIL], checked)) return 0;
    PyObject *values[P_N];
    for (int i = P_EDUCATION; i <= P_SAME_AS; i++) {
        values[i] = empty_tuple;
        Py_INCREF(empty_tuple);
        r = 1;
        if (v[i] != NULL) {
            Py_DECREF(empty_tuple);
            r = build_str_tuple(v[i], checked, &values[i]);
        }
        if (r != 1) {
            for (int j = P_EDUCATION; j < i; j++) Py_DECREF(values[j]);
            return r;
        }
    }
    for (int i = P_NAME; i <= P_IMAGE; i++) values[i] = or_none(v[i]);
    *out = new_instance(&K_AUTHOR, values);
    return *out == NULL ? -1 : 1;
}

/* Publisher and Subject: a name that is not blank and one optional string. */
static int
build_named(klass *k, PyObject *second, PyObject *d, int checked, PyObject **out)
{
    PyObject *keys[2] = {s_name, second}, *v[2];
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, 2, v);
    if (r != 1) return r;
    r = 0;
    if (ok_name(v[0], checked) && ok_opt_str(v[1], checked)) {
        Py_INCREF(v[0]);
        PyObject *values[2] = {v[0], or_none(v[1])};
        *out = new_instance(k, values);
        r = *out == NULL ? -1 : 1;
    }
    release(v, 2);
    return r;
}

static int
build_publisher(PyObject *d, int checked, PyObject **out)
{
    return build_named(&K_PUBLISHER, s_url, d, checked, out);
}

static int
build_subject(PyObject *d, int checked, PyObject **out)
{
    return build_named(&K_SUBJECT, s_code, d, checked, out);
}

static int
ascii_digits(const Py_UCS1 *p, int n)
{
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
    }
    return 1;
}

/* What datetime.isoformat() writes for an aware datetime: YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM.
 * parse_iso_datetime() hands exactly such text to datetime.fromisoformat() unchanged. */
static int
isoformat_shape(PyObject *s)
{
    if (!PyUnicode_IS_ASCII(s)) return 0;
    const Py_UCS1 *p = PyUnicode_1BYTE_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n != 25 && n != 32) return 0;
    if (!(ascii_digits(p, 4) && p[4] == '-' && ascii_digits(p + 5, 2) && p[7] == '-' && ascii_digits(p + 8, 2)
          && p[10] == 'T' && ascii_digits(p + 11, 2) && p[13] == ':' && ascii_digits(p + 14, 2) && p[16] == ':'
          && ascii_digits(p + 17, 2)))
        return 0;
    if (n == 32) {
        if (p[19] != '.' || !ascii_digits(p + 20, 6)) return 0;
        p += 7;
    }
    return (p[19] == '+' || p[19] == '-') && ascii_digits(p + 20, 2) && p[22] == ':' && ascii_digits(p + 23, 2);
}

/* published/modified. Text in isoformat's own shape goes straight to datetime.fromisoformat (any
 * error: "not mine"); other text to the Python hook, which raises as the pure-Python path does. */
static int
build_datetime(PyObject *value, PyObject **out)
{
    if (value == NULL || value == Py_None) {
        *out = or_none(NULL);
        return 1;
    }
    if (!PyUnicode_CheckExact(value)) return 0;
    PyObject *result;
    if (isoformat_shape(value)) {
        result = PyObject_CallMethodOneArg((PyObject *)PyDateTimeAPI->DateTimeType, s_fromisoformat, value);
        if (result == NULL) {
            PyErr_Clear();
            return 0;
        }
    }
    else {
        python_calls++;
        result = PyObject_CallOneArg(datetime_hook, value);
        if (result == NULL) return -1;
    }
    if (!PyDateTime_CheckExact(result) || ((PyDateTime_DateTime *)result)->hastzinfo == 0) {
        Py_DECREF(result);
        return 0;
    }
    *out = result;
    return 1;
}

static int article_from(PyObject **v, int checked, PyObject **out);

static int
build_article(PyObject *d, int checked, PyObject **out)
{
    static PyObject *keys[A_N];
    PyObject *v[A_N];
    keys[A_HEADLINE] = s_headline, keys[A_SUMMARY] = s_summary, keys[A_SUMMARY_QUOTES] = s_summary_quotes;
    keys[A_KICKER] = s_kicker, keys[A_DATELINE] = s_dateline, keys[A_AUTHORS] = s_authors;
    keys[A_PUBLISHED] = s_published, keys[A_MODIFIED] = s_modified, keys[A_LANGUAGE] = s_language;
    keys[A_URL] = s_url, keys[A_IDENTIFIER] = s_identifier, keys[A_PUBLISHER] = s_publisher;
    keys[A_SUBJECTS] = s_subjects, keys[A_SECTIONS] = s_sections;
    if (!PyDict_CheckExact(d)) return 0;
    int r = take_keys(d, keys, A_N, v);
    if (r != 1) return r;
    r = article_from(v, checked, out);
    release(v, A_N);
    return r;
}

static int
article_from(PyObject **v, int checked, PyObject **out)
{
    int r;
    PyObject *values[A_N] = {NULL};
    if (!ok_name(v[A_HEADLINE], checked)) return 0;
    static const int plain[] = {A_SUMMARY, A_KICKER, A_DATELINE, A_URL, A_IDENTIFIER};
    for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
        if (!ok_opt_str(v[plain[i]], checked)) return 0;
    }
    if (v[A_LANGUAGE] != NULL && v[A_LANGUAGE] != Py_None && !ok_language(v[A_LANGUAGE])) return 0;
    values[A_HEADLINE] = v[A_HEADLINE];
    Py_INCREF(values[A_HEADLINE]);
    for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) values[plain[i]] = or_none(v[plain[i]]);
    values[A_LANGUAGE] = or_none(v[A_LANGUAGE]);

    struct {
        int field;
        builder build;
        PyObject *hook;
        klass *k;
    } lists[] = {
        {A_SUMMARY_QUOTES, build_quote, NULL, &K_QUOTE},
        {A_AUTHORS, build_author, author_hook, &K_AUTHOR},
        {A_SUBJECTS, build_subject, subject_hook, &K_SUBJECT},
        {A_SECTIONS, build_section, section_hook, &K_SECTION},
    };
    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
        int f = lists[i].field;
        if (v[f] == NULL) {
            values[f] = empty_tuple;
            Py_INCREF(empty_tuple);
            continue;
        }
        r = build_tuple(v[f], checked, lists[i].build, lists[i].hook, (PyObject *)lists[i].k->type, &values[f]);
        if (r != 1) goto done;
    }
    if (PyTuple_GET_SIZE(values[A_SUMMARY_QUOTES]) != 0
        && (values[A_SUMMARY] == Py_None || !quotes_fit(values[A_SUMMARY], values[A_SUMMARY_QUOTES]))) {
        r = 0;
        goto done;
    }
    if ((r = build_datetime(v[A_PUBLISHED], &values[A_PUBLISHED])) != 1) goto done;
    if ((r = build_datetime(v[A_MODIFIED], &values[A_MODIFIED])) != 1) goto done;
    if (v[A_PUBLISHER] == NULL || v[A_PUBLISHER] == Py_None) {
        values[A_PUBLISHER] = or_none(NULL);
    }
    else {
        r = build_publisher(v[A_PUBLISHER], checked, &values[A_PUBLISHER]);
        if (r == 0) r = call_hook(publisher_hook, v[A_PUBLISHER], (PyObject *)K_PUBLISHER.type, checked,
                          &values[A_PUBLISHER]);
        if (r != 1) goto done;
    }
    *out = new_instance(&K_ARTICLE, values);
    return *out == NULL ? -1 : 1;
done:
    for (int i = 0; i < A_N; i++) Py_XDECREF(values[i]);
    return r;
}

static PyObject *
article_from_dict(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "article_from_dict(document, characters_checked)");
        return NULL;
    }
    if (!configured) Py_RETURN_NONE;
    int checked = PyObject_IsTrue(args[1]);
    if (checked < 0) return NULL;
    PyObject *article = NULL;
    int r = build_article(args[0], checked, &article);
    if (r < 0) return NULL;
    if (r == 0) Py_RETURN_NONE;
    articles_read++;
    return article;
}

/* ---------------------------------------------------------------------------------------------
 * Positional constructors for the XML readers: new_quote(text, start, end, speaker, kind) is
 * Quote(text=text, start=start, ...) for values this code fully validates (every string is
 * scanned here, whatever characters_already_checked() says: scanning in C costs less than
 * reading the ContextVar would save). Anything else goes to the class itself, with keywords,
 * so the caller gets the model's own object or its exact error. */

static PyObject *kw_quote, *kw_link, *kw_emphasis, *kw_paragraph, *kw_section;

static int
constructor_args(const char *name, Py_ssize_t nargs, Py_ssize_t n)
{
    if (!configured) {
        PyErr_Format(PyExc_RuntimeError, "%s(): newsmodel._speedups is not configured", name);
        return -1;
    }
    if (nargs != n) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments (%zd given)", name, n, nargs);
        return -1;
    }
    return 0;
}

/* The class called with the arguments as keywords (all of args[] are keyword values). */
#define CALL_CLASS(k, args, kwnames) PyObject_Vectorcall((PyObject *)(k).type, (args), 0, (kwnames))

static PyObject *
new_quote(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (constructor_args("new_quote", nargs, Q_N) < 0) return NULL;
    PyObject *v[Q_N] = {args[0], args[1], args[2], args[3], args[4]}, *out = NULL;
    int r = quote_from(v, 0, &out);
    if (r < 0) return NULL;
    return r == 1 ? out : CALL_CLASS(K_QUOTE, args, kw_quote);
}

static PyObject *
new_link(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (constructor_args("new_link", nargs, L_N) < 0) return NULL;
    PyObject *v[6] = {s_link, args[0], args[1], args[2], args[3], NULL}, *out = NULL;
    int r = mark_from(v, 0, &out);
    if (r < 0) return NULL;
    return r == 1 ? out : CALL_CLASS(K_LINK, args, kw_link);
}

static PyObject *
new_emphasis(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (constructor_args("new_emphasis", nargs, E_N) < 0) return NULL;
    PyObject *v[6] = {s_styles[0], args[0], args[1], NULL, NULL, args[2]}, *out = NULL;
    int r = mark_from(v, 0, &out);
    if (r < 0) return NULL;
    return r == 1 ? out : CALL_CLASS(K_EMPHASIS, args, kw_emphasis);
}

/* Paragraph._check_quotes_in for quotes built elsewhere: exact Quote objects whose slots may have
 * been changed behind the frozen class's back, so every slot is checked again. */
static int
given_quotes_fit(PyObject *text, PyObject *quotes)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text), previous = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(quotes); i++) {
        PyObject *quote = PyTuple_GET_ITEM(quotes, i);
        if (Py_TYPE(quote) != K_QUOTE.type) return 0;
        PyObject *qtext = SLOT(quote, K_QUOTE, Q_TEXT), *s = SLOT(quote, K_QUOTE, Q_START);
        PyObject *e = SLOT(quote, K_QUOTE, Q_END);
        if (qtext == NULL || s == NULL || e == NULL || !PyUnicode_CheckExact(qtext)) return 0;
        Py_ssize_t start = small_index(s), end = small_index(e);
        if (start < previous || end < start || end > size) return 0;
        Py_ssize_t match = PyUnicode_Tailmatch(text, qtext, start, end, -1);
        if (match != 1) {
            if (match < 0) PyErr_Clear();
            return 0;
        }
        /* A prefix match: the lengths must agree too for text[start:end] == quote.text. */
        if (end - start != PyUnicode_GET_LENGTH(qtext)) return 0;
        previous = start;
    }
    return 1;
}

/* Paragraph._check_marks_in: exact Link or Emphasis objects ending inside the text. */
static int
given_marks_fit(PyObject *text, PyObject *marks)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(marks); i++) {
        PyObject *mark = PyTuple_GET_ITEM(marks, i);
        klass *k;
        if (Py_TYPE(mark) == K_LINK.type) k = &K_LINK;
        else if (Py_TYPE(mark) == K_EMPHASIS.type) k = &K_EMPHASIS;
        else return 0;
        PyObject *e = SLOT(mark, *k, L_END); /* slot 1 in both classes */
        if (e == NULL) return 0;
        Py_ssize_t end = small_index(e);
        if (end < 0 || end > size) return 0;
    }
    return 1;
}

static PyObject *
new_paragraph(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (constructor_args("new_paragraph", nargs, G_N) < 0) return NULL;
    PyObject *text = args[0], *quotes = args[1], *marks = args[2];
    if (ok_str(text, 0) && PyTuple_CheckExact(quotes) && PyTuple_CheckExact(marks)
        && given_quotes_fit(text, quotes) && given_marks_fit(text, marks)) {
        Py_INCREF(text), Py_INCREF(quotes), Py_INCREF(marks);
        PyObject *values[G_N] = {text, quotes, marks};
        return new_instance(&K_PARAGRAPH, values);
    }
    if (PyErr_Occurred()) return NULL;
    return CALL_CLASS(K_PARAGRAPH, args, kw_paragraph);
}

static PyObject *
new_section(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (constructor_args("new_section", nargs, S_N) < 0) return NULL;
    PyObject *heading = args[0], *level = args[1], *blocks = args[2];
    Py_ssize_t n = small_index(level);
    int ok = (heading == Py_None || ok_name(heading, 0)) && n >= 1 && n <= 6 && PyTuple_CheckExact(blocks);
    for (Py_ssize_t i = 0; ok && i < PyTuple_GET_SIZE(blocks); i++) {
        PyObject *type = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(blocks, i));
        ok = 0;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(block_types); j++) {
            if (type == PyTuple_GET_ITEM(block_types, j)) ok = 1;
        }
    }
    if (ok) {
        Py_INCREF(heading), Py_INCREF(level), Py_INCREF(blocks);
        PyObject *values[S_N] = {heading, level, blocks};
        return new_instance(&K_SECTION, values);
    }
    return CALL_CLASS(K_SECTION, args, kw_section);
}

/* ---------------------------------------------------------------------------------------------
 * Writing: each returns a new dict/list, Py_None (a new reference) for "not mine", or NULL. */

#define NOT_MINE(x) ((x) == Py_None)

static int
put(PyObject *d, PyObject *key, PyObject *value)
{
    return PyDict_SetItem(d, key, value);
}

/* A str slot: exact str, else "not mine" (0); Py_None gives 2 when allowed. */
static int
str_slot(PyObject *v, int none_ok)
{
    if (v == NULL) return 0;
    if (v == Py_None) return none_ok ? 2 : 0;
    return PyUnicode_CheckExact(v) ? 1 : 0;
}

static PyObject *
quote_out(PyObject *q)
{
    if (Py_TYPE(q) != K_QUOTE.type) Py_RETURN_NONE;
    PyObject *text = SLOT(q, K_QUOTE, Q_TEXT), *start = SLOT(q, K_QUOTE, Q_START);
    PyObject *end = SLOT(q, K_QUOTE, Q_END), *speaker = SLOT(q, K_QUOTE, Q_SPEAKER);
    PyObject *kind = SLOT(q, K_QUOTE, Q_KIND);
    if (str_slot(text, 0) != 1 || start == NULL || !PyLong_CheckExact(start) || end == NULL
        || !PyLong_CheckExact(end) || !str_slot(speaker, 1) || str_slot(kind, 0) != 1)
        Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    if (put(d, s_text, text) < 0 || put(d, s_start, start) < 0 || put(d, s_end, end) < 0) goto fail;
    if (speaker != Py_None && put(d, s_speaker, speaker) < 0) goto fail;
    if (PyUnicode_Compare(kind, s_kinds[0]) != 0 && put(d, s_kind, kind) < 0) goto fail;
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

typedef PyObject *(*writer)(PyObject *);

/* A tuple slot as a list of dicts; items `write` refuses go to `hook` (if any). */
static PyObject *
list_out(PyObject *tuple, writer write, PyObject *hook)
{
    if (tuple == NULL || !PyTuple_CheckExact(tuple)) Py_RETURN_NONE;
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    PyObject *list = PyList_New(n);
    if (list == NULL) return NULL;
    /* The tuple is borrowed from a slot, and a hook runs Python code. */
    Py_INCREF(tuple);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = write(PyTuple_GET_ITEM(tuple, i));
        if (item != NULL && NOT_MINE(item) && hook != NULL) {
            Py_DECREF(item);
            python_calls++;
            item = PyObject_CallOneArg(hook, PyTuple_GET_ITEM(tuple, i));
            if (item != NULL && !PyDict_CheckExact(item)) {
                Py_DECREF(item);
                item = Py_None;
                Py_INCREF(item);
            }
        }
        if (item == NULL || NOT_MINE(item)) {
            Py_DECREF(tuple);
            Py_DECREF(list);
            return item;
        }
        PyList_SET_ITEM(list, i, item);
    }
    Py_DECREF(tuple);
    return list;
}

static PyObject *
refuse(PyObject *d)
{
    Py_DECREF(d);
    Py_RETURN_NONE;
}

/* Puts a non-empty tuple slot under `key` as a list made by `write`; 1 done, 0 not mine, -1 error. */
static int
put_list(PyObject *d, PyObject *key, PyObject *tuple, writer write, PyObject *hook)
{
    if (tuple == NULL || !PyTuple_CheckExact(tuple)) return 0;
    if (PyTuple_GET_SIZE(tuple) == 0) return 1;
    PyObject *list = list_out(tuple, write, hook);
    if (list == NULL) return -1;
    if (NOT_MINE(list)) {
        Py_DECREF(list);
        return 0;
    }
    int r = put(d, key, list);
    Py_DECREF(list);
    return r < 0 ? -1 : 1;
}

static PyObject *
identity(PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) Py_RETURN_NONE;
    Py_INCREF(s);
    return s;
}

/* Optional str slots in order: 1 done, 0 not mine, -1 error. */
static int
put_opt_strs(PyObject *d, PyObject *obj, klass *k, const int *fields, PyObject *const *keys, int n)
{
    for (int i = 0; i < n; i++) {
        PyObject *v = SLOT(obj, *k, fields[i]);
        int kind = str_slot(v, 1);
        if (kind == 0) return 0;
        if (kind == 1 && put(d, keys[i], v) < 0) return -1;
    }
    return 1;
}

static PyObject *
mark_out(PyObject *m)
{
    int is_link = Py_TYPE(m) == K_LINK.type;
    if (!is_link && Py_TYPE(m) != K_EMPHASIS.type) Py_RETURN_NONE;
    klass *k = is_link ? &K_LINK : &K_EMPHASIS;
    PyObject *start = SLOT(m, *k, L_START), *end = SLOT(m, *k, L_END);
    PyObject *third = SLOT(m, *k, 2); /* href or style */
    if (start == NULL || !PyLong_CheckExact(start) || end == NULL || !PyLong_CheckExact(end)
        || str_slot(third, 0) != 1)
        Py_RETURN_NONE;
    PyObject *title = is_link ? SLOT(m, K_LINK, L_TITLE) : NULL;
    int title_kind = is_link ? str_slot(title, 1) : 2;
    if (title_kind == 0) Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    if (put(d, s_start, start) < 0 || put(d, s_end, end) < 0) goto fail;
    if (is_link) {
        if (put(d, s_href, third) < 0 || (title_kind == 1 && put(d, s_title, title) < 0)) goto fail;
        if (put(d, s_type, s_link) < 0) goto fail;
    }
    else {
        if (PyUnicode_Compare(third, s_styles[0]) != 0 && put(d, s_style, third) < 0) goto fail;
        if (put(d, s_type, s_styles[0]) < 0) goto fail;
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *
paragraph_out(PyObject *p)
{
    if (Py_TYPE(p) != K_PARAGRAPH.type) Py_RETURN_NONE;
    PyObject *text = SLOT(p, K_PARAGRAPH, G_TEXT);
    if (str_slot(text, 0) != 1) Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    int r;
    if (put(d, s_text, text) < 0) goto fail;
    if ((r = put_list(d, s_quotes, SLOT(p, K_PARAGRAPH, G_QUOTES), quote_out, NULL)) != 1) goto stop;
    if ((r = put_list(d, s_marks, SLOT(p, K_PARAGRAPH, G_MARKS), mark_out, NULL)) != 1)
        goto stop;
    if (put(d, s_type, s_paragraph) < 0) goto fail;
    return d;
stop:
    if (r == 0) return refuse(d);
fail:
    Py_DECREF(d);
    return NULL;
}

/* Other blocks go to the Python hook through list_out. */
static PyObject *
block_out(PyObject *b)
{
    if (Py_TYPE(b) == K_PARAGRAPH.type) return paragraph_out(b);
    Py_RETURN_NONE;
}

static PyObject *
section_out(PyObject *s)
{
    if (Py_TYPE(s) != K_SECTION.type) Py_RETURN_NONE;
    PyObject *heading = SLOT(s, K_SECTION, S_HEADING), *level = SLOT(s, K_SECTION, S_LEVEL);
    int kind = str_slot(heading, 1);
    if (kind == 0 || level == NULL || !PyLong_CheckExact(level)) Py_RETURN_NONE;
    int overflow;
    long n = PyLong_AsLongAndOverflow(level, &overflow);
    if (n == -1 && PyErr_Occurred()) return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    int r;
    if (kind == 1 && put(d, s_heading, heading) < 0) goto fail;
    if ((overflow || n != 2) && put(d, s_level, level) < 0) goto fail;
    /* A paragraph whose slots look odd is written by Python too, like any other block. */
    r = put_list(d, s_blocks, SLOT(s, K_SECTION, S_BLOCKS), block_out, unstructure_block_hook);
    if (r == 1) return d;
    if (r == 0) return refuse(d);
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *
author_out(PyObject *a)
{
    static const int fields[] = {P_ROLE, P_ORGANIZATION, P_BIO, P_URL, P_EMAIL, P_IMAGE};
    PyObject *const keys[] = {s_role, s_organization, s_bio, s_url, s_email, s_image};
    if (Py_TYPE(a) != K_AUTHOR.type) Py_RETURN_NONE;
    PyObject *name = SLOT(a, K_AUTHOR, P_NAME);
    if (str_slot(name, 0) != 1) Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    int r;
    if (put(d, s_name, name) < 0) goto fail;
    if ((r = put_opt_strs(d, a, &K_AUTHOR, fields, keys, 6)) != 1) goto stop;
    if ((r = put_list(d, s_education, SLOT(a, K_AUTHOR, P_EDUCATION), identity, NULL)) != 1) goto stop;
    if ((r = put_list(d, s_expertise, SLOT(a, K_AUTHOR, P_EXPERTISE), identity, NULL)) != 1) goto stop;
    if ((r = put_list(d, s_same_as, SLOT(a, K_AUTHOR, P_SAME_AS), identity, NULL)) != 1) goto stop;
    return d;
stop:
    if (r == 0) return refuse(d);
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *
named_out(klass *k, PyObject *second_key, PyObject *obj)
{
    if (Py_TYPE(obj) != k->type) Py_RETURN_NONE;
    PyObject *name = SLOT(obj, *k, 0), *second = SLOT(obj, *k, 1);
    int kind = str_slot(second, 1);
    if (str_slot(name, 0) != 1 || kind == 0) Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    if (put(d, s_name, name) < 0 || (kind == 1 && put(d, second_key, second) < 0)) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
subject_out(PyObject *s)
{
    return named_out(&K_SUBJECT, s_code, s);
}

/* 1 done (or None: nothing to write), 0 not mine, -1 error */
static int
put_datetime(PyObject *d, PyObject *key, PyObject *v)
{
    if (v == NULL) return 0;
    if (v == Py_None) return 1;
    if (!PyDateTime_CheckExact(v)) return 0;
    PyObject *text = PyObject_CallMethodNoArgs(v, s_isoformat);
    if (text == NULL) return -1;
    int r = put(d, key, text);
    Py_DECREF(text);
    return r < 0 ? -1 : 1;
}

static PyObject *
article_to_dict(PyObject *module, PyObject *article)
{
    static const int fields1[] = {A_SUMMARY};
    static const int fields2[] = {A_KICKER, A_DATELINE};
    static const int fields3[] = {A_LANGUAGE, A_URL, A_IDENTIFIER};
    if (!configured || Py_TYPE(article) != K_ARTICLE.type) Py_RETURN_NONE;
    PyObject *headline = SLOT(article, K_ARTICLE, A_HEADLINE);
    if (str_slot(headline, 0) != 1) Py_RETURN_NONE;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    int r;
    if (put(d, s_format_version, int_format_version) < 0 || put(d, s_headline, headline) < 0) goto fail;
    if ((r = put_opt_strs(d, article, &K_ARTICLE, fields1, &s_summary, 1)) != 1) goto stop;
    r = put_list(d, s_summary_quotes, SLOT(article, K_ARTICLE, A_SUMMARY_QUOTES), quote_out, NULL);
    if (r != 1) goto stop;
    {
        PyObject *const keys[] = {s_kicker, s_dateline};
        if ((r = put_opt_strs(d, article, &K_ARTICLE, fields2, keys, 2)) != 1) goto stop;
    }
    if ((r = put_list(d, s_authors, SLOT(article, K_ARTICLE, A_AUTHORS), author_out, NULL)) != 1) goto stop;
    if ((r = put_datetime(d, s_published, SLOT(article, K_ARTICLE, A_PUBLISHED))) != 1) goto stop;
    if ((r = put_datetime(d, s_modified, SLOT(article, K_ARTICLE, A_MODIFIED))) != 1) goto stop;
    {
        PyObject *const keys[] = {s_language, s_url, s_identifier};
        if ((r = put_opt_strs(d, article, &K_ARTICLE, fields3, keys, 3)) != 1) goto stop;
    }
    {
        PyObject *publisher = SLOT(article, K_ARTICLE, A_PUBLISHER);
        if (publisher == NULL) return refuse(d);
        if (publisher != Py_None) {
            PyObject *p = named_out(&K_PUBLISHER, s_url, publisher);
            if (p == NULL) goto fail;
            if (NOT_MINE(p)) {
                Py_DECREF(p);
                return refuse(d);
            }
            r = put(d, s_publisher, p);
            Py_DECREF(p);
            if (r < 0) goto fail;
        }
    }
    if ((r = put_list(d, s_subjects, SLOT(article, K_ARTICLE, A_SUBJECTS), subject_out, NULL)) != 1) goto stop;
    if ((r = put_list(d, s_sections, SLOT(article, K_ARTICLE, A_SECTIONS), section_out, NULL)) != 1) goto stop;
    articles_written++;
    return d;
stop:
    if (r == 0) return refuse(d);
fail:
    Py_DECREF(d);
    return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * JSON text: what orjson.dumps(document).decode() returns, built as a str at once. The UTF-8
 * round trip through bytes costs more than writing the document itself.
 *
 * One walk serves two passes: the first measures (length and widest character), the second
 * writes into a str of exactly that size. Python code runs only in the first pass (hooks and
 * datetime.isoformat); their results are kept in a list and reused by the second, so nothing can
 * change in between. Every write is still bounds-checked, and a mismatch means "not mine".
 * Only exact dict (str keys), list, str, int (64-bit), bool and None are written as values. */

#define MAX_DEPTH 64

static const char HEX[] = "0123456789abcdef";

/* Decimal digits of n into buffer (at least 21 bytes); returns their number. */
static int
format_int(long long n, char *buffer)
{
    char digits[24];
    int count = 0, length = 0;
    unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    do {
        digits[count++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (n < 0) buffer[length++] = '-';
    while (count > 0) buffer[length++] = digits[--count];
    return length;
}

/* Extra characters the escapes of one character add (0 if none). */
static inline int
escape_extra(Py_UCS4 c)
{
    if (c == '"' || c == '\\') return 1;
    if (c >= 0x20) return 0;
    if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') return 1;
    return 5;
}

/* Index of the first character of p[start:n] that JSON escapes (< 0x20, '"' or '\\'), or n.
 * SSE2 (part of every x86-64) looks at 16 bytes or 8 UCS2 units at once; scalar elsewhere. */
static inline Py_ssize_t
next_escape_1byte(const Py_UCS1 *p, Py_ssize_t start, Py_ssize_t n)
{
    Py_ssize_t i = start;
#if defined(__SSE2__)
    const __m128i high = _mm_set1_epi8((char)0xE0), zero = _mm_setzero_si128();
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, high), zero),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return i + __builtin_ctz((unsigned)mask);
    }
#endif
    for (; i < n; i++) {
        if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\') return i;
    }
    return n;
}

/* The same for UCS2; surrogates count too (orjson refuses them, so the caller gives up). */
static inline Py_ssize_t
next_escape_2byte(const Py_UCS2 *p, Py_ssize_t start, Py_ssize_t n)
{
    Py_ssize_t i = start;
#if defined(__SSE2__)
    const __m128i high = _mm_set1_epi16((short)0xFFE0), zero = _mm_setzero_si128();
    const __m128i quote = _mm_set1_epi16('"'), backslash = _mm_set1_epi16('\\');
    const __m128i surrogate_bits = _mm_set1_epi16((short)0xF800), surrogate = _mm_set1_epi16((short)0xD800);
    for (; i + 8 <= n; i += 8) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi16(_mm_and_si128(v, high), zero),
                         _mm_cmpeq_epi16(_mm_and_si128(v, surrogate_bits), surrogate)),
            _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, backslash)));
        int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return i + __builtin_ctz((unsigned)mask) / 2;
    }
#endif
    for (; i < n; i++) {
        Py_UCS2 c = p[i];
        if (c < 0x20 || c == '"' || c == '\\' || (c >= 0xD800 && c <= 0xDFFF)) return i;
    }
    return n;
}

typedef struct {
    int writing;       /* 0: measuring, 1: writing */
    Py_ssize_t size;   /* measured length; the capacity when writing */
    Py_UCS4 maxchar;
    int kind;          /* of the output, when writing */
    void *data;
    Py_ssize_t pos;
    int failed;        /* a write that did not fit: the passes disagreed */
    PyObject *cache;   /* results of Python calls made while measuring, in walk order */
    Py_ssize_t cache_pos;
} emit_t;

static inline int
room(emit_t *e, Py_ssize_t n)
{
    if (e->pos + n <= e->size) return 1;
    e->failed = 1;
    return 0;
}

static inline void
put_char(emit_t *e, Py_UCS4 c)
{
    if (!room(e, 1)) return;
    PyUnicode_WRITE(e->kind, e->data, e->pos, c);
    e->pos++;
}

static void
e_ascii(emit_t *e, const char *text, Py_ssize_t n)
{
    if (!e->writing) {
        e->size += n;
        return;
    }
    if (!room(e, n)) return;
    if (e->kind == PyUnicode_1BYTE_KIND) {
        memcpy((Py_UCS1 *)e->data + e->pos, text, n);
        e->pos += n;
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) PyUnicode_WRITE(e->kind, e->data, e->pos + i, (Py_UCS1)text[i]);
    e->pos += n;
}

#define E_LITERAL(e, text) e_ascii((e), (text), (Py_ssize_t)(sizeof(text) - 1))

/* Copies in[start:end] (of kind `kind`) to the output. */
static void
put_run(emit_t *e, int kind, const void *in, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t n = end - start;
    if (n <= 0) return;
    if (kind > e->kind) e->failed = 1; /* cannot happen: maxchar was measured */
    if (e->failed || !room(e, n)) return;
    if (kind == e->kind) {
        memcpy((char *)e->data + e->pos * kind, (const char *)in + start * kind, n * kind);
    }
    else if (kind == PyUnicode_1BYTE_KIND && e->kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)in + start;
        Py_UCS2 *q = (Py_UCS2 *)e->data + e->pos;
        for (Py_ssize_t i = 0; i < n; i++) q[i] = p[i];
    }
    else if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)in + start;
        Py_UCS4 *q = (Py_UCS4 *)e->data + e->pos;
        for (Py_ssize_t i = 0; i < n; i++) q[i] = p[i];
    }
    else {
        const Py_UCS2 *p = (const Py_UCS2 *)in + start;
        Py_UCS4 *q = (Py_UCS4 *)e->data + e->pos;
        for (Py_ssize_t i = 0; i < n; i++) q[i] = p[i];
    }
    e->pos += n;
}

static void
put_escape(emit_t *e, Py_UCS4 c)
{
    char text[6] = {'\\', 0, 0, 0, 0, 0};
    switch (c) {
    case '"': text[1] = '"'; break;
    case '\\': text[1] = '\\'; break;
    case '\b': text[1] = 'b'; break;
    case '\t': text[1] = 't'; break;
    case '\n': text[1] = 'n'; break;
    case '\f': text[1] = 'f'; break;
    case '\r': text[1] = 'r'; break;
    default:
        text[1] = 'u', text[2] = '0', text[3] = '0', text[4] = HEX[(c >> 4) & 0xF], text[5] = HEX[c & 0xF];
        e_ascii(e, text, 6);
        return;
    }
    e_ascii(e, text, 2);
}

/* A JSON string; 0 ("not mine") for a str orjson refuses (a surrogate) or that is not exact. */
static int
e_str(emit_t *e, PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) return 0;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(s) < 0) return -1;
#endif
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), run = 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (!e->writing) {
        Py_ssize_t extra = 0;
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *p = (const Py_UCS1 *)data;
            for (Py_ssize_t i = next_escape_1byte(p, 0, n); i < n; i = next_escape_1byte(p, i + 1, n))
                extra += escape_extra(p[i]);
        }
        else if (kind == PyUnicode_2BYTE_KIND) {
            const Py_UCS2 *p = (const Py_UCS2 *)data;
            for (Py_ssize_t i = next_escape_2byte(p, 0, n); i < n; i = next_escape_2byte(p, i + 1, n)) {
                if (p[i] >= 0xD800 && p[i] <= 0xDFFF) return 0;
                extra += escape_extra(p[i]);
            }
        }
        else {
            const Py_UCS4 *p = (const Py_UCS4 *)data;
            for (Py_ssize_t i = 0; i < n; i++) {
                Py_UCS4 c = p[i];
                if (c >= 0xD800 && c <= 0xDFFF) return 0;
                if (c < 0x20 || c == '"' || c == '\\') extra += escape_extra(c);
            }
        }
        e->size += n + 2 + extra;
        Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(s);
        if (maxchar > e->maxchar) e->maxchar = maxchar;
        return 1;
    }
    put_char(e, '"');
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        for (Py_ssize_t i = next_escape_1byte(p, 0, n); i < n; i = next_escape_1byte(p, i + 1, n)) {
            put_run(e, kind, data, run, i);
            put_escape(e, p[i]);
            run = i + 1;
        }
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = (const Py_UCS2 *)data;
        for (Py_ssize_t i = next_escape_2byte(p, 0, n); i < n; i = next_escape_2byte(p, i + 1, n)) {
            if (p[i] >= 0xD800 && p[i] <= 0xDFFF) return 0;
            put_run(e, kind, data, run, i);
            put_escape(e, p[i]);
            run = i + 1;
        }
    }
    else {
        const Py_UCS4 *p = (const Py_UCS4 *)data;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (p[i] >= 0xD800 && p[i] <= 0xDFFF) return 0;
            if (p[i] >= 0x20 && p[i] != '"' && p[i] != '\\') continue;
            put_run(e, kind, data, run, i);
            put_escape(e, p[i]);
            run = i + 1;
        }
    }
    put_run(e, kind, data, run, n);
    put_char(e, '"');
    return 1;
}

/* An exact int in the 64-bit range; 0 otherwise. */
static int
e_int(emit_t *e, PyObject *v)
{
    if (v == NULL || !PyLong_CheckExact(v)) return 0;
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow) return 0;
    if (n == -1 && PyErr_Occurred()) return -1;
    char buffer[32];
    e_ascii(e, buffer, format_int(n, buffer));
    return 1;
}

static int
e_value(emit_t *e, PyObject *v, int depth)
{
    if (v == Py_None) E_LITERAL(e, "null");
    else if (v == Py_True) E_LITERAL(e, "true");
    else if (v == Py_False) E_LITERAL(e, "false");
    else if (PyUnicode_CheckExact(v)) return e_str(e, v);
    else if (PyLong_CheckExact(v)) return e_int(e, v);
    else if (depth >= MAX_DEPTH) return 0;
    else if (PyList_CheckExact(v)) {
        E_LITERAL(e, "[");
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v); i++) {
            if (i) E_LITERAL(e, ",");
            int r = e_value(e, PyList_GET_ITEM(v, i), depth + 1);
            if (r != 1) return r;
        }
        E_LITERAL(e, "]");
    }
    else if (PyDict_CheckExact(v)) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        int first = 1;
        E_LITERAL(e, "{");
        while (PyDict_Next(v, &pos, &key, &value)) {
            if (!first) E_LITERAL(e, ",");
            first = 0;
            int r = e_str(e, key);
            if (r != 1) return r;
            E_LITERAL(e, ":");
            if ((r = e_value(e, value, depth + 1)) != 1) return r;
        }
        E_LITERAL(e, "}");
    }
    else return 0;
    return 1;
}

static PyObject *call_one(PyObject *callable, PyObject *arg);

/* Runs fn(arg) while measuring and keeps the result; while writing, takes the kept one. */
static PyObject * /* borrowed from the cache */
e_call(emit_t *e, PyObject *(*fn)(PyObject *, PyObject *), PyObject *callable, PyObject *arg)
{
    if (e->writing) {
        if (e->cache_pos >= PyList_GET_SIZE(e->cache)) {
            e->failed = 1;
            return Py_None;
        }
        return PyList_GET_ITEM(e->cache, e->cache_pos++);
    }
    if (fn == call_one) python_calls++;
    PyObject *result = fn(callable, arg);
    if (result == NULL) return NULL;
    int r = PyList_Append(e->cache, result);
    Py_DECREF(result);
    return r < 0 ? NULL : result;
}

static PyObject *
call_one(PyObject *callable, PyObject *arg)
{
    return PyObject_CallOneArg(callable, arg);
}

static PyObject *
call_isoformat(PyObject *unused, PyObject *dt)
{
    return PyObject_CallMethodNoArgs(dt, s_isoformat);
}

/* `,"key":` (no comma for the first member); keys are plain ASCII. */
static void
e_key(emit_t *e, int *first, const char *key)
{
    if (!*first) E_LITERAL(e, ",");
    *first = 0;
    E_LITERAL(e, "\"");
    e_ascii(e, key, (Py_ssize_t)strlen(key));
    E_LITERAL(e, "\":");
}

/* An optional str slot: nothing for None, else `,"key":"..."`. */
static int
e_opt_str(emit_t *e, int *first, const char *key, PyObject *v)
{
    if (v == NULL) return 0;
    if (v == Py_None) return 1;
    if (!PyUnicode_CheckExact(v)) return 0;
    e_key(e, first, key);
    return e_str(e, v);
}

typedef int (*emitter)(emit_t *, PyObject *);

/* A non-empty tuple slot as `,"key":[...]`, each item written by `write` (or, if NULL, a hook). */
static int
e_tuple(emit_t *e, int *first, const char *key, PyObject *tuple, emitter write, PyObject *hook)
{
    if (tuple == NULL || !PyTuple_CheckExact(tuple)) return 0;
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    if (n == 0) return 1;
    e_key(e, first, key);
    E_LITERAL(e, "[");
    int r = 1;
    Py_INCREF(tuple); /* borrowed from a slot, and hooks run Python code */
    for (Py_ssize_t i = 0; i < n && r == 1; i++) {
        if (i) E_LITERAL(e, ",");
        PyObject *item = PyTuple_GET_ITEM(tuple, i);
        if (write != NULL) {
            r = write(e, item);
        }
        else {
            PyObject *document = e_call(e, call_one, hook, item);
            r = document == NULL ? -1 : PyDict_CheckExact(document) ? e_value(e, document, 1) : 0;
        }
    }
    Py_DECREF(tuple);
    if (r == 1) E_LITERAL(e, "]");
    return r;
}

static int
e_quote(emit_t *e, PyObject *q)
{
    if (Py_TYPE(q) != K_QUOTE.type) return 0;
    PyObject *text = SLOT(q, K_QUOTE, Q_TEXT), *kind = SLOT(q, K_QUOTE, Q_KIND);
    int first = 1, r;
    if (text == NULL || !PyUnicode_CheckExact(text) || kind == NULL || !PyUnicode_CheckExact(kind)) return 0;
    E_LITERAL(e, "{");
    e_key(e, &first, "text");
    if ((r = e_str(e, text)) != 1) return r;
    e_key(e, &first, "start");
    if ((r = e_int(e, SLOT(q, K_QUOTE, Q_START))) != 1) return r;
    e_key(e, &first, "end");
    if ((r = e_int(e, SLOT(q, K_QUOTE, Q_END))) != 1) return r;
    if ((r = e_opt_str(e, &first, "speaker", SLOT(q, K_QUOTE, Q_SPEAKER))) != 1) return r;
    if (PyUnicode_Compare(kind, s_kinds[0]) != 0) {
        e_key(e, &first, "kind");
        if ((r = e_str(e, kind)) != 1) return r;
    }
    E_LITERAL(e, "}");
    return 1;
}

static int
e_mark(emit_t *e, PyObject *m)
{
    int is_link = Py_TYPE(m) == K_LINK.type, first = 1, r;
    if (!is_link && Py_TYPE(m) != K_EMPHASIS.type) return 0;
    klass *k = is_link ? &K_LINK : &K_EMPHASIS;
    E_LITERAL(e, "{");
    e_key(e, &first, "start");
    if ((r = e_int(e, SLOT(m, *k, L_START))) != 1) return r;
    e_key(e, &first, "end");
    if ((r = e_int(e, SLOT(m, *k, L_END))) != 1) return r;
    if (is_link) {
        PyObject *href = SLOT(m, K_LINK, L_HREF);
        if (href == NULL || !PyUnicode_CheckExact(href)) return 0;
        e_key(e, &first, "href");
        if ((r = e_str(e, href)) != 1) return r;
        if ((r = e_opt_str(e, &first, "title", SLOT(m, K_LINK, L_TITLE))) != 1) return r;
        E_LITERAL(e, ",\"type\":\"link\"}");
        return 1;
    }
    PyObject *style = SLOT(m, K_EMPHASIS, E_STYLE);
    if (style == NULL || !PyUnicode_CheckExact(style)) return 0;
    if (PyUnicode_Compare(style, s_styles[0]) != 0) {
        e_key(e, &first, "style");
        if ((r = e_str(e, style)) != 1) return r;
    }
    E_LITERAL(e, ",\"type\":\"emphasis\"}");
    return 1;
}

static int
e_block(emit_t *e, PyObject *b)
{
    if (Py_TYPE(b) != K_PARAGRAPH.type) {
        PyObject *document = e_call(e, call_one, unstructure_block_hook, b);
        if (document == NULL) return -1;
        return PyDict_CheckExact(document) ? e_value(e, document, 1) : 0;
    }
    PyObject *text = SLOT(b, K_PARAGRAPH, G_TEXT);
    int first = 1, r;
    if (text == NULL || !PyUnicode_CheckExact(text)) return 0;
    E_LITERAL(e, "{");
    e_key(e, &first, "text");
    if ((r = e_str(e, text)) != 1) return r;
    if ((r = e_tuple(e, &first, "quotes", SLOT(b, K_PARAGRAPH, G_QUOTES), e_quote, NULL)) != 1) return r;
    if ((r = e_tuple(e, &first, "marks", SLOT(b, K_PARAGRAPH, G_MARKS), e_mark, NULL)) != 1) return r;
    E_LITERAL(e, ",\"type\":\"paragraph\"}");
    return 1;
}

static int
e_section(emit_t *e, PyObject *s)
{
    if (Py_TYPE(s) != K_SECTION.type) return 0;
    PyObject *level = SLOT(s, K_SECTION, S_LEVEL);
    int first = 1, r;
    if (level == NULL || !PyLong_CheckExact(level)) return 0;
    E_LITERAL(e, "{");
    if ((r = e_opt_str(e, &first, "heading", SLOT(s, K_SECTION, S_HEADING))) != 1) return r;
    int overflow;
    long n = PyLong_AsLongAndOverflow(level, &overflow);
    if (overflow || n != 2) {
        e_key(e, &first, "level");
        if ((r = e_int(e, level)) != 1) return r;
    }
    if ((r = e_tuple(e, &first, "blocks", SLOT(s, K_SECTION, S_BLOCKS), e_block, NULL)) != 1) return r;
    E_LITERAL(e, "}");
    return 1;
}

static int
e_author(emit_t *e, PyObject *a)
{
    static const char *const names[] = {"role", "organization", "bio", "url", "email", "image"};
    if (Py_TYPE(a) != K_AUTHOR.type) return 0;
    PyObject *name = SLOT(a, K_AUTHOR, P_NAME);
    int first = 1, r;
    if (name == NULL || !PyUnicode_CheckExact(name)) return 0;
    E_LITERAL(e, "{");
    e_key(e, &first, "name");
    if ((r = e_str(e, name)) != 1) return r;
    for (int i = P_ROLE; i <= P_IMAGE; i++) {
        if ((r = e_opt_str(e, &first, names[i - P_ROLE], SLOT(a, K_AUTHOR, i))) != 1) return r;
    }
    if ((r = e_tuple(e, &first, "education", SLOT(a, K_AUTHOR, P_EDUCATION), e_str, NULL)) != 1) return r;
    if ((r = e_tuple(e, &first, "expertise", SLOT(a, K_AUTHOR, P_EXPERTISE), e_str, NULL)) != 1) return r;
    if ((r = e_tuple(e, &first, "same_as", SLOT(a, K_AUTHOR, P_SAME_AS), e_str, NULL)) != 1) return r;
    E_LITERAL(e, "}");
    return 1;
}

static int
e_named(emit_t *e, klass *k, const char *second_key, PyObject *obj)
{
    if (Py_TYPE(obj) != k->type) return 0;
    PyObject *name = SLOT(obj, *k, 0);
    int first = 1, r;
    if (name == NULL || !PyUnicode_CheckExact(name)) return 0;
    E_LITERAL(e, "{");
    e_key(e, &first, "name");
    if ((r = e_str(e, name)) != 1) return r;
    if ((r = e_opt_str(e, &first, second_key, SLOT(obj, *k, 1))) != 1) return r;
    E_LITERAL(e, "}");
    return 1;
}

static int
e_subject(emit_t *e, PyObject *s)
{
    return e_named(e, &K_SUBJECT, "code", s);
}

/* An exact datetime whose isoformat() runs no Python code: no tzinfo or a datetime.timezone. */
static int
e_datetime(emit_t *e, int *first, const char *key, PyObject *v)
{
    if (v == NULL) return 0;
    if (v == Py_None) return 1;
    if (!PyDateTime_CheckExact(v)) return 0;
    if (((PyDateTime_DateTime *)v)->hastzinfo) {
        PyObject *tz = ((PyDateTime_DateTime *)v)->tzinfo;
        if (tz != Py_None && Py_TYPE(tz) != Py_TYPE(PyDateTime_TimeZone_UTC)) return 0;
    }
    PyObject *text = e_call(e, call_isoformat, NULL, v);
    if (text == NULL) return -1;
    e_key(e, first, key);
    return e_str(e, text);
}

static int
e_article(emit_t *e, PyObject *a)
{
    int first = 1, r;
    PyObject *headline = SLOT(a, K_ARTICLE, A_HEADLINE), *publisher = SLOT(a, K_ARTICLE, A_PUBLISHER);
    if (headline == NULL || !PyUnicode_CheckExact(headline) || publisher == NULL) return 0;
    E_LITERAL(e, "{\"format_version\":1");
    first = 0;
    e_key(e, &first, "headline");
    if ((r = e_str(e, headline)) != 1) return r;
    if ((r = e_opt_str(e, &first, "summary", SLOT(a, K_ARTICLE, A_SUMMARY))) != 1) return r;
    if ((r = e_tuple(e, &first, "summary_quotes", SLOT(a, K_ARTICLE, A_SUMMARY_QUOTES), e_quote, NULL)) != 1)
        return r;
    if ((r = e_opt_str(e, &first, "kicker", SLOT(a, K_ARTICLE, A_KICKER))) != 1) return r;
    if ((r = e_opt_str(e, &first, "dateline", SLOT(a, K_ARTICLE, A_DATELINE))) != 1) return r;
    if ((r = e_tuple(e, &first, "authors", SLOT(a, K_ARTICLE, A_AUTHORS), e_author, NULL)) != 1) return r;
    if ((r = e_datetime(e, &first, "published", SLOT(a, K_ARTICLE, A_PUBLISHED))) != 1) return r;
    if ((r = e_datetime(e, &first, "modified", SLOT(a, K_ARTICLE, A_MODIFIED))) != 1) return r;
    if ((r = e_opt_str(e, &first, "language", SLOT(a, K_ARTICLE, A_LANGUAGE))) != 1) return r;
    if ((r = e_opt_str(e, &first, "url", SLOT(a, K_ARTICLE, A_URL))) != 1) return r;
    if ((r = e_opt_str(e, &first, "identifier", SLOT(a, K_ARTICLE, A_IDENTIFIER))) != 1) return r;
    if (publisher != Py_None) {
        e_key(e, &first, "publisher");
        if ((r = e_named(e, &K_PUBLISHER, "url", publisher)) != 1) return r;
    }
    if ((r = e_tuple(e, &first, "subjects", SLOT(a, K_ARTICLE, A_SUBJECTS), e_subject, NULL)) != 1) return r;
    if ((r = e_tuple(e, &first, "sections", SLOT(a, K_ARTICLE, A_SECTIONS), e_section, NULL)) != 1) return r;
    E_LITERAL(e, "}");
    return 1;
}

static int
e_document(emit_t *e, PyObject *v)
{
    return e_value(e, v, 0);
}

/* Both passes of `walk` over `obj`: the JSON text, Py_None (new reference) if not mine, or NULL. */
static PyObject *
write_json(emitter walk, PyObject *obj)
{
    emit_t e = {0};
    e.maxchar = 0x7F;
    e.cache = PyList_New(0);
    if (e.cache == NULL) return NULL;
    PyObject *text = NULL;
    int r = walk(&e, obj);
    if (r < 0) goto done;
    if (r == 0) goto not_mine;
    text = PyUnicode_New(e.size, e.maxchar);
    if (text == NULL) goto done;
    e.writing = 1;
    e.kind = PyUnicode_KIND(text);
    e.data = PyUnicode_DATA(text);
    r = walk(&e, obj);
    if (r < 0) {
        Py_CLEAR(text);
        goto done;
    }
    if (r == 1 && !e.failed && e.pos == e.size && e.cache_pos == PyList_GET_SIZE(e.cache)) goto done;
    Py_CLEAR(text);
not_mine:
    text = Py_None;
    Py_INCREF(text);
done:
    Py_DECREF(e.cache);
    return text;
}

static PyObject *
dumps(PyObject *module, PyObject *document)
{
    return write_json(e_document, document);
}

static PyObject *
article_to_json(PyObject *module, PyObject *article)
{
    if (!configured || Py_TYPE(article) != K_ARTICLE.type) Py_RETURN_NONE;
    PyObject *text = write_json(e_article, article);
    if (text != NULL && text != Py_None) articles_written++;
    return text;
}

/* ---------------------------------------------------------------------------------------------
 * Set-up */

static PyObject *
configure(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"article", "author", "publisher", "subject", "section", "paragraph",
                             "quote", "link", "emphasis", "block_types", "block_hook", "section_hook", "author_hook",
                             "publisher_hook", "subject_hook", "datetime_hook", "unstructure_block_hook",
                             "characters_checked_var", NULL};
    PyObject *cls[9], *types, *hooks[7], *var;
    configured = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "$OOOOOOOOOO!OOOOOOOO!", kwlist, &cls[0], &cls[1],
                                     &cls[2], &cls[3], &cls[4], &cls[5], &cls[6], &cls[7], &cls[8],
                                     &PyTuple_Type, &types,
                                     &hooks[0], &hooks[1], &hooks[2], &hooks[3], &hooks[4], &hooks[5],
                                     &hooks[6], &PyContextVar_Type, &var))
        return NULL;
    for (int i = 0; i < 7; i++) {
        if (!PyCallable_Check(hooks[i])) {
            PyErr_SetString(PyExc_TypeError, "hooks must be callable");
            return NULL;
        }
    }
    if (setup_klass(&K_ARTICLE, cls[0], ARTICLE_FIELDS) < 0 || setup_klass(&K_AUTHOR, cls[1], AUTHOR_FIELDS) < 0
        || setup_klass(&K_PUBLISHER, cls[2], PUBLISHER_FIELDS) < 0
        || setup_klass(&K_SUBJECT, cls[3], SUBJECT_FIELDS) < 0
        || setup_klass(&K_SECTION, cls[4], SECTION_FIELDS) < 0
        || setup_klass(&K_PARAGRAPH, cls[5], PARAGRAPH_FIELDS) < 0
        || setup_klass(&K_QUOTE, cls[6], QUOTE_FIELDS) < 0 || setup_klass(&K_LINK, cls[7], LINK_FIELDS) < 0
        || setup_klass(&K_EMPHASIS, cls[8], EMPHASIS_FIELDS) < 0)
        return NULL;
    PyObject **slots[] = {&block_hook, &section_hook, &author_hook, &publisher_hook, &subject_hook,
                          &datetime_hook, &unstructure_block_hook};
    for (int i = 0; i < 7; i++) {
        Py_INCREF(hooks[i]);
        Py_XSETREF(*slots[i], hooks[i]);
    }
    Py_INCREF(types);
    Py_XSETREF(block_types, types);
    Py_INCREF(var);
    Py_XSETREF(checked_var, var);
    configured = 1;
    Py_RETURN_TRUE;
}

static PyObject *
counters(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("(nnn)", articles_read, articles_written, python_calls);
}

static PyObject *
fields(PyObject *module, PyObject *unused)
{
    struct {
        const char *name;
        const char *const *fields;
    } all[] = {{"Article", ARTICLE_FIELDS}, {"AuthorProfile", AUTHOR_FIELDS}, {"Publisher", PUBLISHER_FIELDS},
               {"Subject", SUBJECT_FIELDS}, {"Section", SECTION_FIELDS}, {"Paragraph", PARAGRAPH_FIELDS},
               {"Quote", QUOTE_FIELDS}, {"Link", LINK_FIELDS}, {"Emphasis", EMPHASIS_FIELDS}};
    PyObject *result = PyDict_New();
    if (result == NULL) return NULL;
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
        Py_ssize_t n = 0;
        while (all[i].fields[n] != NULL) n++;
        PyObject *names = PyTuple_New(n);
        if (names == NULL) goto fail;
        for (Py_ssize_t j = 0; j < n; j++) {
            PyObject *name = PyUnicode_FromString(all[i].fields[j]);
            if (name == NULL) {
                Py_DECREF(names);
                goto fail;
            }
            PyTuple_SET_ITEM(names, j, name);
        }
        int r = PyDict_SetItemString(result, all[i].name, names);
        Py_DECREF(names);
        if (r < 0) goto fail;
    }
    return result;
fail:
    Py_DECREF(result);
    return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * XHTML paragraphs: write_inline(out, paragraph, _xhtml._tags) in C for the common case, a
 * paragraph without annotations or whose quotes and marks neither nest, cross, touch inside one
 * another nor are empty ("flat"). Anything else (and any slot of an unexpected type) gives None,
 * so Python writes it. Built as UCS4 and narrowed once at the end. */

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t size, capacity;
} xbuf;

static int
xb_reserve(xbuf *b, Py_ssize_t more)
{
    if (b->size + more <= b->capacity) return 0;
    Py_ssize_t capacity = b->capacity * 2;
    if (capacity < b->size + more) capacity = b->size + more;
    if (capacity > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(Py_UCS4)) {
        PyErr_NoMemory();
        return -1;
    }
    Py_UCS4 *data = PyMem_Realloc(b->data, (size_t)capacity * sizeof(Py_UCS4));
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->capacity = capacity;
    return 0;
}

static int
xb_ascii(xbuf *b, const char *s)
{
    Py_ssize_t n = (Py_ssize_t)strlen(s);
    if (xb_reserve(b, n) < 0) return -1;
    for (Py_ssize_t i = 0; i < n; i++) b->data[b->size++] = (Py_UCS1)s[i];
    return 0;
}

/* s[from:to] (to -1: the end), escaped as escape_text (attribute 0) or escape_attribute (attribute 1), or verbatim (-1). */
static int
xb_str(xbuf *b, PyObject *s, Py_ssize_t from, Py_ssize_t to, int attribute)
{
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(s) < 0) return -1;
#endif
    if (to < 0) to = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    /* The longest reference, &quot;, is six characters. */
    if (xb_reserve(b, attribute < 0 ? to - from : 6 * (to - from)) < 0) return -1;
    Py_UCS4 *out = b->data + b->size;
    for (Py_ssize_t i = from; i < to; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        const char *reference = NULL;
        if (attribute >= 0 && c <= '>') {
            switch (c) {
            case '&': reference = "&amp;"; break;
            case '<': reference = "&lt;"; break;
            case '>': reference = "&gt;"; break;
            case '\r': reference = "&#13;"; break;
            case '"': if (attribute) reference = "&quot;"; break;
            case '\t': if (attribute) reference = "&#9;"; break;
            case '\n': if (attribute) reference = "&#10;"; break;
            default: break;
            }
        }
        if (reference == NULL) {
            *out++ = c;
            continue;
        }
        while (*reference) *out++ = (Py_UCS1)*reference++;
    }
    b->size = out - b->data;
    return 0;
}

/* An exact int slot within 0..limit, else -1. */
static Py_ssize_t
offset_slot(PyObject *v, Py_ssize_t limit)
{
    if (v == NULL || !PyLong_CheckExact(v)) return -1;
    Py_ssize_t n = PyLong_AsSsize_t(v);
    if (n == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return -1;
    }
    return n >= 0 && n <= limit ? n : -1;
}

typedef struct {
    Py_ssize_t start, end, index;
    PyObject *value;
} xspan;

/* The start tag of one annotation; 0 "not mine", -1 error. The end tag goes to *end_tag. */
static int
xb_start_tag(xbuf *b, const xspan *span, int is_quote, const char **end_tag)
{
    char key[32];
    PyObject *v = span->value;
    snprintf(key, sizeof key, is_quote ? "nm-q%zd" : "nm-m%zd", span->index);
    if (is_quote) {
        PyObject *speaker = SLOT(v, K_QUOTE, Q_SPEAKER), *kind = SLOT(v, K_QUOTE, Q_KIND);
        int has_speaker = str_slot(speaker, 1);
        if (!has_speaker || str_slot(kind, 0) != 1) return 0;
        if (xb_ascii(b, "<q class=\"") < 0 || xb_ascii(b, key) < 0 || xb_ascii(b, " ") < 0) return -1;
        if (xb_str(b, kind, 0, -1, -1) < 0 || xb_ascii(b, "\"") < 0) return -1;
        if (has_speaker == 1) {
            if (xb_ascii(b, " title=\"") < 0) return -1;
            if (xb_str(b, speaker, 0, -1, 1) < 0 || xb_ascii(b, "\"") < 0) return -1;
        }
        *end_tag = "</q>";
        return xb_ascii(b, ">") < 0 ? -1 : 1;
    }
    if (Py_TYPE(v) == K_LINK.type) {
        PyObject *href = SLOT(v, K_LINK, L_HREF), *title = SLOT(v, K_LINK, L_TITLE);
        int has_title = str_slot(title, 1);
        if (!has_title || str_slot(href, 0) != 1) return 0;
        if (xb_ascii(b, "<a class=\"") < 0 || xb_ascii(b, key) < 0 || xb_ascii(b, "\" href=\"") < 0) return -1;
        if (xb_str(b, href, 0, -1, 1) < 0 || xb_ascii(b, "\"") < 0) return -1;
        if (has_title == 1) {
            if (xb_ascii(b, " title=\"") < 0) return -1;
            if (xb_str(b, title, 0, -1, 1) < 0 || xb_ascii(b, "\"") < 0) return -1;
        }
        *end_tag = "</a>";
        return xb_ascii(b, ">") < 0 ? -1 : 1;
    }
    PyObject *style = SLOT(v, K_EMPHASIS, E_STYLE);
    if (str_slot(style, 0) != 1) return 0;
    const char *tag = NULL;
    if (PyUnicode_CompareWithASCIIString(style, "emphasis") == 0) tag = "em";
    else if (PyUnicode_CompareWithASCIIString(style, "strong") == 0) tag = "strong";
    else if (PyUnicode_CompareWithASCIIString(style, "code") == 0) tag = "code";
    if (tag == NULL) {
        if (xb_ascii(b, "<span class=\"") < 0 || xb_ascii(b, key) < 0 || xb_ascii(b, " ") < 0) return -1;
        if (xb_str(b, style, 0, -1, -1) < 0 || xb_ascii(b, "\">") < 0) return -1;
        *end_tag = "</span>";
        return 1;
    }
    if (xb_ascii(b, "<") < 0 || xb_ascii(b, tag) < 0 || xb_ascii(b, " class=\"") < 0 || xb_ascii(b, key) < 0
        || xb_ascii(b, "\">") < 0)
        return -1;
    *end_tag = tag[0] == 'e' ? "</em>" : tag[0] == 's' ? "</strong>" : "</code>";
    return 1;
}

#define XHTML_MAX_SPANS 64

static PyObject *
xhtml_inline(PyObject *module, PyObject *p)
{
    if (!configured || Py_TYPE(p) != K_PARAGRAPH.type) Py_RETURN_NONE;
    PyObject *text = SLOT(p, K_PARAGRAPH, G_TEXT), *quotes = SLOT(p, K_PARAGRAPH, G_QUOTES),
             *marks = SLOT(p, K_PARAGRAPH, G_MARKS);
    if (str_slot(text, 0) != 1 || quotes == NULL || !PyTuple_CheckExact(quotes) || marks == NULL
        || !PyTuple_CheckExact(marks))
        Py_RETURN_NONE;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) return NULL;
#endif
    Py_ssize_t nq = PyTuple_GET_SIZE(quotes), nm = PyTuple_GET_SIZE(marks), n = nq + nm;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (n > XHTML_MAX_SPANS) Py_RETURN_NONE;
    xspan spans[XHTML_MAX_SPANS];
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = i < nq ? PyTuple_GET_ITEM(quotes, i) : PyTuple_GET_ITEM(marks, i - nq);
        klass *k;
        if (i < nq) {
            if (Py_TYPE(v) != K_QUOTE.type) Py_RETURN_NONE;
            k = &K_QUOTE;
        }
        else if (Py_TYPE(v) == K_LINK.type) k = &K_LINK;
        else if (Py_TYPE(v) == K_EMPHASIS.type) k = &K_EMPHASIS;
        else Py_RETURN_NONE;
        int first = i < nq ? Q_START : L_START; /* start and end are slots 0 and 1 of both marks */
        Py_ssize_t start = offset_slot(SLOT(v, *k, first), length);
        Py_ssize_t end = offset_slot(SLOT(v, *k, first + 1), length);
        if (start < 0 || end <= start) Py_RETURN_NONE; /* odd or empty: Python's general writer */
        /* Insertion sort by start; equal starts mean one annotation inside another. */
        Py_ssize_t j = i;
        while (j > 0 && spans[j - 1].start > start) {
            spans[j] = spans[j - 1];
            j--;
        }
        spans[j].start = start;
        spans[j].end = end;
        spans[j].index = i < nq ? i : i - nq;
        spans[j].value = v;
    }
    for (Py_ssize_t i = 1; i < n; i++)
        if (spans[i].start < spans[i - 1].end) Py_RETURN_NONE;
    xbuf b = {NULL, 0, 0};
    if (xb_reserve(&b, length + 16 + 64 * n) < 0) return NULL;
    Py_ssize_t written = 0;
    PyObject *result = NULL;
    Py_INCREF(p); /* the slots read below are borrowed from it */
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *end_tag = NULL;
        if (xb_str(&b, text, written, spans[i].start, 0) < 0) goto done;
        int r = xb_start_tag(&b, &spans[i], spans[i].value != NULL && Py_TYPE(spans[i].value) == K_QUOTE.type,
                             &end_tag);
        if (r < 0) goto done;
        if (r == 0) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
        if (xb_str(&b, text, spans[i].start, spans[i].end, 0) < 0 || xb_ascii(&b, end_tag) < 0) goto done;
        written = spans[i].end;
    }
    if (xb_str(&b, text, written, length, 0) < 0) goto done;
    result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b.data, b.size);
done:
    Py_DECREF(p);
    PyMem_Free(b.data);
    return result;
}

/* ---- attributes_over: the guard against tags with huge numbers of attributes ----
 *
 * libxml2 (2.14) spends time quadratic in the number of attributes of one tag, so parse/html.py
 * refuses a page with a tag above a limit before lxml sees it. This follows the HTML5 tokenizer
 * as libxml2 implements it: raw text by element name whatever the context (no foreign content),
 * script data with its escaped and double-escaped states, a self-closing raw-text start tag
 * (<script/>) opening no raw text, comments ending at --> or --!>. It may count more than libxml2
 * builds (attributes of end tags, duplicates, a tag cut off by the end of the page), never fewer.
 * Only ASCII bytes are delimiters, so UTF-8 needs no decoding. */

/* What ends the parts of a tag, looked up in one table instead of five comparisons a byte. */
enum { C_SPACE = 1, C_SLASH = 2, C_GT = 4, C_EQ = 8 };
static const unsigned char tag_class[256] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['/'] = C_SLASH, ['>'] = C_GT, ['='] = C_EQ,
};

static inline int
html_space(unsigned char c)
{
    return tag_class[c] & C_SPACE;
}

static inline int
ascii_alpha(unsigned char c)
{
    c |= 0x20;
    return c >= 'a' && c <= 'z';
}

/* Whether p starts with the lower-case ASCII name (any case) followed by whitespace, / or >. */
static int
name_then_delimiter(const unsigned char *p, const unsigned char *end, const char *name, size_t len)
{
    if ((size_t)(end - p) <= len) return 0;
    for (size_t i = 0; i < len; i++)
        if ((p[i] | 0x20) != (unsigned char)name[i]) return 0;
    return html_space(p[len]) || p[len] == '/' || p[len] == '>';
}

/* Where the raw text after a <name ...> start tag ends: the '<' of its end tag, or end. */
static const unsigned char *
skip_raw_text(const unsigned char *p, const unsigned char *end, const char *name, size_t len)
{
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (end - p > 1 && p[1] == '/' && name_then_delimiter(p + 2, end, name, len)) return p;
        p++;
    }
    return end;
}

/* Where a script's content ends: the '<' of the </script that ends it, or end. */
static const unsigned char *
skip_script(const unsigned char *p, const unsigned char *end)
{
    enum { DATA, ESCAPED, DOUBLE_ESCAPED } state = DATA;
    while (p < end) {
        if (state == DATA) {
            p = memchr(p, '<', (size_t)(end - p));
            if (p == NULL) return end;
            if (end - p > 1 && p[1] == '/' && name_then_delimiter(p + 2, end, "script", 6)) return p;
            if (end - p > 3 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
                state = ESCAPED;
                p += 2; /* "<!--" leaves the tokenizer in "escaped dash dash": "<!-->" ends it */
            } else {
                p++;
            }
            continue;
        }
        unsigned char c = *p;
        if (c == '-') {
            if (end - p > 2 && p[1] == '-' && p[2] == '>') {
                state = DATA;
                p += 3;
            } else {
                p++;
            }
        } else if (c == '<') {
            if (end - p > 1 && p[1] == '/' && name_then_delimiter(p + 2, end, "script", 6)) {
                if (state == ESCAPED) return p;
                state = ESCAPED;
                p += 9; /* "</script" and its delimiter */
            } else if (state == ESCAPED && name_then_delimiter(p + 1, end, "script", 6)) {
                state = DOUBLE_ESCAPED;
                p += 8; /* "<script" and its delimiter */
            } else {
                p++;
            }
        } else {
            p++;
        }
    }
    return end;
}

typedef enum { RAW_NONE, RAW_TEXT, RAW_SCRIPT, RAW_PLAINTEXT } raw_kind;

static raw_kind
raw_element(const unsigned char *name, size_t len, const char **lower)
{
    static const char *const raw[] = {"style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", NULL};
    char buf[10];
    if (len > 9) return RAW_NONE;
    for (size_t i = 0; i < len; i++) buf[i] = (char)(name[i] | 0x20);
    buf[len] = '\0';
    /* | 0x20 maps some non-letters onto letters; a raw name is letters only */
    for (size_t i = 0; i < len; i++)
        if (!ascii_alpha(name[i])) return RAW_NONE;
    if (strcmp(buf, "script") == 0) return RAW_SCRIPT;
    if (strcmp(buf, "plaintext") == 0) return RAW_PLAINTEXT;
    for (int i = 0; raw[i] != NULL; i++)
        if (strcmp(buf, raw[i]) == 0) {
            *lower = raw[i];
            return RAW_TEXT;
        }
    return RAW_NONE;
}

/* 1 if a tag of the page has more than limit attributes, else 0. */
static int
tag_over_limit(const unsigned char *p, const unsigned char *end, Py_ssize_t limit)
{
    while (p < end) {
        p = memchr(p, '<', (size_t)(end - p));
        if (p == NULL || ++p >= end) return 0;
        unsigned char c = *p;
        int end_tag = 0;
        if (c == '!') {
            if (end - p > 2 && p[1] == '-' && p[2] == '-') {
                p += 3;
                if (p < end && *p == '>') { p++; continue; }
                if (end - p > 1 && p[0] == '-' && p[1] == '>') { p += 2; continue; }
                for (;;) {
                    p = memchr(p, '-', (size_t)(end - p));
                    if (p == NULL || end - p < 3) return 0;
                    if (p[1] == '-' && (p[2] == '>' || (p[2] == '!' && end - p > 3 && p[3] == '>'))) break;
                    p++;
                }
                p += p[2] == '>' ? 3 : 4;
                continue;
            }
            p = memchr(p, '>', (size_t)(end - p)); /* bogus comment, DOCTYPE, CDATA */
            if (p == NULL) return 0;
            continue;
        }
        if (c == '?') {
            p = memchr(p, '>', (size_t)(end - p));
            if (p == NULL) return 0;
            continue;
        }
        if (c == '/') {
            if (++p >= end) return 0;
            if (!ascii_alpha(*p)) {
                if (*p != '>') p = memchr(p, '>', (size_t)(end - p));
                if (p == NULL) return 0;
                p++;
                continue;
            }
            end_tag = 1;
        } else if (!ascii_alpha(c)) {
            continue; /* a '<' of text */
        }
        const unsigned char *name = p;
        while (p < end && !(tag_class[*p] & (C_SPACE | C_SLASH | C_GT))) p++;
        size_t name_len = (size_t)(p - name);
        Py_ssize_t count = 0;
        int self_closing = 0;
        for (;;) {
            self_closing = 0;
            while (p < end && (tag_class[*p] & (C_SPACE | C_SLASH))) self_closing = *p++ == '/';
            if (p >= end) return 0;
            if (*p == '>') break;
            if (++count > limit) return 1;
            p++; /* the name's first character, which may be '=' */
            while (p < end && !(tag_class[*p] & (C_SPACE | C_SLASH | C_GT | C_EQ))) p++;
            while (p < end && html_space(*p)) p++;
            if (p >= end) return 0;
            if (*p != '=') continue;
            p++;
            while (p < end && html_space(*p)) p++;
            if (p >= end) return 0;
            if (*p == '"' || *p == '\'') {
                p = memchr(p + 1, *p, (size_t)(end - p - 1));
                if (p == NULL) return 0;
                p++;
            } else {
                while (p < end && !(tag_class[*p] & (C_SPACE | C_GT))) p++;
            }
        }
        p++; /* '>' */
        if (end_tag || self_closing) continue;
        const char *lower = NULL;
        switch (raw_element(name, name_len, &lower)) {
        case RAW_NONE: break;
        case RAW_TEXT: p = skip_raw_text(p, end, lower, name_len); break;
        case RAW_SCRIPT: p = skip_script(p, end); break;
        case RAW_PLAINTEXT: return 0;
        }
    }
    return 0;
}

static PyObject *
attributes_over(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer page;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "y*n:attributes_over", &page, &limit)) return NULL;
    if (limit < 0) {
        PyBuffer_Release(&page);
        PyErr_SetString(PyExc_ValueError, "limit must not be negative");
        return NULL;
    }
    const unsigned char *start = page.buf;
    int over = tag_over_limit(start, start + page.len, limit);
    PyBuffer_Release(&page);
    return PyBool_FromLong(over);
}

static PyMethodDef methods[] = {
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS,
     "Check the model classes and take the Python hooks; raise TypeError if a class is unexpected."},
    {"article_from_dict", (PyCFunction)(void (*)(void))article_from_dict, METH_FASTCALL,
     "Build an Article from a format-version-less document, or return None to leave it to Python."},
    {"article_to_dict", article_to_dict, METH_O,
     "Return the document of an Article (with format_version), or None to leave it to Python."},
    {"article_to_json", article_to_json, METH_O,
     "to_json(article) for an Article in the common case, or None to leave it to Python."},
    {"dumps", dumps, METH_O,
     "orjson.dumps(document).decode() for dicts, lists, str, 64-bit int, bool and None; else None."},
    {"new_quote", (PyCFunction)(void (*)(void))new_quote, METH_FASTCALL,
     "new_quote(text, start, end, speaker, kind): Quote(text=text, start=start, ...)."},
    {"new_link", (PyCFunction)(void (*)(void))new_link, METH_FASTCALL,
     "new_link(start, end, href, title): Link(start=start, end=end, href=href, title=title)."},
    {"new_emphasis", (PyCFunction)(void (*)(void))new_emphasis, METH_FASTCALL,
     "new_emphasis(start, end, style): Emphasis(start=start, end=end, style=style)."},
    {"new_paragraph", (PyCFunction)(void (*)(void))new_paragraph, METH_FASTCALL,
     "new_paragraph(text, quotes, marks): Paragraph(text=text, quotes=quotes, marks=marks)."},
    {"new_section", (PyCFunction)(void (*)(void))new_section, METH_FASTCALL,
     "new_section(heading, level, blocks): Section(heading=heading, level=level, blocks=blocks)."},
    {"xhtml_inline", xhtml_inline, METH_O,
     "What write_inline(out, paragraph, _xhtml._tags) appends, for a paragraph whose quotes and marks "
     "neither nest nor cross nor are empty; None for any other paragraph."},
    {"counters", counters, METH_NOARGS, "(articles read, articles written, Python hooks called) by this module."},
    {"fields", fields, METH_NOARGS, "The attrs fields, in order, this module expects of each class."},
    {"attributes_over", attributes_over, METH_VARARGS,
     "attributes_over(page, limit): whether a tag of the UTF-8 page has more than limit attributes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "newsmodel._speedups", "The common case of newsmodel's JSON round trip, in C.",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) return NULL;
#define INTERN(var, text) \
    if ((var = PyUnicode_InternFromString(text)) == NULL) return NULL;
    INTERN(s_type, "type") INTERN(s_text, "text") INTERN(s_quotes, "quotes") INTERN(s_marks, "marks")
    INTERN(s_paragraph, "paragraph") INTERN(s_start, "start") INTERN(s_end, "end")
    INTERN(s_speaker, "speaker") INTERN(s_kind, "kind") INTERN(s_heading, "heading")
    INTERN(s_level, "level") INTERN(s_blocks, "blocks") INTERN(s_name, "name") INTERN(s_role, "role")
    INTERN(s_organization, "organization") INTERN(s_bio, "bio") INTERN(s_url, "url")
    INTERN(s_email, "email") INTERN(s_image, "image") INTERN(s_education, "education")
    INTERN(s_expertise, "expertise") INTERN(s_same_as, "same_as") INTERN(s_code, "code")
    INTERN(s_headline, "headline") INTERN(s_summary, "summary") INTERN(s_summary_quotes, "summary_quotes")
    INTERN(s_kicker, "kicker") INTERN(s_dateline, "dateline") INTERN(s_authors, "authors")
    INTERN(s_published, "published") INTERN(s_modified, "modified") INTERN(s_language, "language")
    INTERN(s_identifier, "identifier") INTERN(s_publisher, "publisher") INTERN(s_subjects, "subjects")
    INTERN(s_sections, "sections") INTERN(s_format_version, "format_version")
    INTERN(s_isoformat, "isoformat") INTERN(s_fromisoformat, "fromisoformat") INTERN(s_kinds[0], "direct") INTERN(s_kinds[1], "partial")
    INTERN(s_kinds[2], "block") INTERN(s_kinds[3], "scare")
    INTERN(s_styles[0], "emphasis") INTERN(s_styles[1], "strong") INTERN(s_styles[2], "code")
    INTERN(s_styles[3], "underline") INTERN(s_styles[4], "strike") INTERN(s_link, "link")
    INTERN(s_href, "href") INTERN(s_title, "title") INTERN(s_style, "style")
#undef INTERN
    if ((int_two = PyLong_FromLong(2)) == NULL) return NULL;
    if ((int_format_version = PyLong_FromLong(1)) == NULL) return NULL;
    if ((empty_tuple = PyTuple_New(0)) == NULL) return NULL;
    if ((kw_quote = PyTuple_Pack(5, s_text, s_start, s_end, s_speaker, s_kind)) == NULL) return NULL;
    if ((kw_link = PyTuple_Pack(4, s_start, s_end, s_href, s_title)) == NULL) return NULL;
    if ((kw_emphasis = PyTuple_Pack(3, s_start, s_end, s_style)) == NULL) return NULL;
    if ((kw_paragraph = PyTuple_Pack(3, s_text, s_quotes, s_marks)) == NULL) return NULL;
    if ((kw_section = PyTuple_Pack(3, s_heading, s_level, s_blocks)) == NULL) return NULL;
    return PyModule_Create(&moduledef);
}
