"""Examples for the quotation engine: each pins a real input and the quotes it must give."""

from __future__ import annotations

import pytest

from newsmodel.errors import NewsModelError, ValidationError
from newsmodel.model import Paragraph
from newsmodel.quotes import find_quotes, quote_paragraphs


def found(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker, q.kind) for q in find_quotes(text)]


def found_in(paragraphs: list[str], **options: object) -> list[list[tuple[str, str | None, str]]]:
    result = quote_paragraphs(paragraphs, **options)  # type: ignore[arg-type]
    return [[(q.text, q.speaker, q.kind) for q in quotes] for quotes in result]


# --- quote-mark conventions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“We will rebuild,” said Ana Costa.", "We will rebuild,"),
        ('"We will rebuild," said Ana Costa.', "We will rebuild,"),
        ("‘We will rebuild,’ said Ana Costa.", "We will rebuild,"),
        ("„Wir bauen wieder auf“, sagte Ana Costa.", "Wir bauen wieder auf"),
        ("„Wir bauen wieder auf”, zei Ana Costa.", "Wir bauen wieder auf"),
        ("‚Wir bauen wieder auf‘, sagte Ana Costa.", "Wir bauen wieder auf"),
        ("»Wir bauen wieder auf«, sagte Ana Costa.", "Wir bauen wieder auf"),
        ("« Nous reconstruirons », a déclaré Ana Costa.", "Nous reconstruirons"),
        ("«\u00a0Nous reconstruirons\u00a0», a déclaré Ana Costa.", "Nous reconstruirons"),
        ("«\u202fNous reconstruirons\u202f», a déclaré Ana Costa.", "Nous reconstruirons"),
        ("«Nous reconstruirons», a déclaré Ana Costa.", "Nous reconstruirons"),
        ("''We will rebuild,'' said Ana Costa.", "We will rebuild,"),
        ("``We will rebuild,'' said Ana Costa.", "We will rebuild,"),
        ("「我们会重建」", "我们会重建"),
    ],
)
def test_every_quote_mark_convention(text: str, words: str) -> None:
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [words]
    quote = quotes[0]
    assert text[quote.start : quote.end] == words
    if "Costa" in text:
        assert quote.speaker == "Ana Costa"


def test_offsets_exclude_the_marks_and_build_a_valid_paragraph() -> None:
    text = "The mayor said the plan was “a historic step” for the town."
    quotes = find_quotes(text)
    assert [(q.start, q.end) for q in quotes] == [(29, 44)]
    paragraph = Paragraph(text=text, quotes=quotes)
    assert paragraph.quotes[0].text == "a historic step"


@pytest.mark.parametrize(
    "text",
    [
        "Rock ’n’ roll never died, don't let anyone say it did.",
        "Rock 'n' roll never died, don't let anyone say it did.",
        "It was the ’90s, and the Joneses’ house was the loudest on the street.",
        "It was the '90s, and the Joneses' house was the loudest on the street.",
        "Gary O’Donoghue asked about the country’s plans ’til late.",
        "He is 5' 10\" tall.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert find_quotes(text) == ()


def test_an_apostrophe_inside_a_single_quote_does_not_close_it() -> None:
    text = "‘We love the Joneses’ dog, and it’s the ’90s all over again,’ she said."
    assert [q.text for q in find_quotes(text)] == [
        "We love the Joneses’ dog, and it’s the ’90s all over again,"
    ]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    british = "‘He told me “you’re fired”, and I laughed,’ said Jane Doe."
    american = "“He told me ‘you’re fired,’ and I laughed,” said Jane Doe."
    german = "„Er sagte ‚nie wieder‘ und ging“, erzählte Jana Weber."
    assert found(british) == [("He told me “you’re fired”, and I laughed,", "Jane Doe", "direct")]
    assert found(american) == [("He told me ‘you’re fired,’ and I laughed,", "Jane Doe", "direct")]
    assert found(german) == [("Er sagte ‚nie wieder‘ und ging", "Jana Weber", "direct")]


# --- structure: split, colon, multi-paragraph, block ----------------------------------------


def test_a_quote_split_around_its_attribution_is_two_quotes() -> None:
    text = "“This is not the end,” Smith said. “It is the beginning of a long fight.”"
    assert found(text) == [
        ("This is not the end,", "Smith", "direct"),
        ("It is the beginning of a long fight.", "Smith", "direct"),
    ]


def test_a_colon_introduces_a_quote_with_or_without_a_cue_verb() -> None:
    assert found("The minister told reporters: “The budget is balanced.”") == [
        ("The budget is balanced.", "The minister", "direct")
    ]
    assert found("Raúl Medina fue tajante: «No vamos a vender a nuestro capitán».") == [
        ("No vamos a vender a nuestro capitán", "Raúl Medina", "direct")
    ]


def test_a_multi_paragraph_quote_opens_each_paragraph_and_closes_on_the_last() -> None:
    paragraphs = [
        "Mayor Daniel Okoye set out his plan. “First, we will fix the roads.",
        "“Second, we will hire more drivers.",
        "“Third, we will publish every figure,” he said.",
    ]
    assert found_in(paragraphs) == [
        [("First, we will fix the roads.", "Daniel Okoye", "direct")],
        [("Second, we will hire more drivers.", "Daniel Okoye", "direct")],
        [("Third, we will publish every figure,", "Daniel Okoye", "direct")],
    ]


def test_a_markdown_block_quote_is_one_block_quote_attributed_from_the_lead_in() -> None:
    paragraphs = [
        "In a letter to staff, chief executive Maya Lind wrote:",
        "> We have made mistakes. We will fix them, one by one.",
    ]
    result = quote_paragraphs(paragraphs)
    assert result[0] == ()
    (quote,) = result[1]
    assert (quote.text, quote.speaker, quote.kind) == (
        "We have made mistakes. We will fix them, one by one.",
        "Maya Lind",
        "block",
    )
    assert paragraphs[1][quote.start : quote.end] == quote.text


# --- kinds ------------------------------------------------------------------------------------


def test_scare_quotes_and_titles_have_no_speaker() -> None:
    text = "The so-called “peace dividend” never arrived, and the film “Dune” topped the box office."
    assert found(text) == [("peace dividend", None, "scare"), ("Dune", None, "scare")]


def test_a_title_in_title_case_after_a_comma_is_a_scare_quote() -> None:
    assert found("The band’s new album, “Rock ’n’ Roll Is Dead”, went to number one.") == [
        ("Rock ’n’ Roll Is Dead", None, "scare")
    ]


def test_partial_quotes_are_woven_into_the_sentence() -> None:
    text = "The company said the merger was “a historic step” for the industry."
    assert found(text) == [("a historic step", "The company", "partial")]


# --- speakers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We are ready,” said Maria Lopez, the union’s president.", "Maria Lopez"),
        ("“We are ready,” Maria Lopez, the union’s president, said.", "Maria Lopez"),
        ("“We are ready,” admitted Chief Executive Tom Hale on Tuesday.", "Tom Hale"),
        ("“We are ready,” said Councillor Jane Roe.", "Jane Roe"),
        ("“We are ready,” said State Sen. Maria Lopez.", "Maria Lopez"),
        ("“We are ready,” Dr. Amara Okafor told the BBC.", "Amara Okafor"),
        ("“We are ready,” said President Lena Park.", "Lena Park"),
        ("“We are ready,” coach Ana Silva said after practice.", "Ana Silva"),
        ("“We are ready,” said union leader Tomasz Wójcik.", "Tomasz Wójcik"),
        ("“Prices will rise,” according to Lena Park, an economist.", "Lena Park"),
        ("“We are ready,” Acme Corp said in a statement.", "Acme Corp"),
        ("„Wir sind bereit“, sagte Innenminister Markus Albrecht.", "Markus Albrecht"),
        ("„Wir sind bereit“, erklärte Anna Berg am Montag.", "Anna Berg"),
        ("« Nous sommes prêts », a déclaré jeudi la maire de Lyon, Sophie Marchand.", "Sophie Marchand"),
        ("Selon Sophie Marchand, la ville est « prête ».", "Sophie Marchand"),
        ("«Estamos listos», dijo el entrenador, Luis Ortega.", "Luis Ortega"),
        ("«Non ci fermeremo», ha detto il sindaco di Milano, Giorgio Bassi.", "Giorgio Bassi"),
        ("Trump’s characterization of the tariffs as “very severe” unsettled investors.", "Trump"),
        ("Obama on Climate Change: The Trends Are ‘Terrifying’", "Obama"),
        ("„Das ist ein guter Tag“, so Olaf Scholz.", "Olaf Scholz"),
        ("Dans un communiqué, l’Élysée a estimé que la décision était « inacceptable ».", "Élysée"),
        ("Johnson’s spokesman said the prime minister had “full confidence” in her.", "Johnson’s spokesman"),
        ("A spokeswoman for the airline said only that it was “regrettable.”", "A spokeswoman"),
        ("“We will not go back,” Farouk, 41, told the Guardian.", "Farouk"),
        ("“Why now?” asked opposition leader Ruth Adeyemi.", "Ruth Adeyemi"),
    ],
)
def test_speaker_from_cues_titles_and_possessives(text: str, speaker: str) -> None:
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Wir werden um jeden Arbeitsplatz kämpfen“, kündigte Sabine Roth an.", "Sabine Roth"),
        ("“We will appeal,” Tsai insisted.", "Tsai"),
        ("«Hemos merecido más», lamentó el entrenador, Diego Salas, tras el encuentro.", "Diego Salas"),
    ],
)
def test_the_clause_after_a_sentence_opening_quote_attributes_it_whatever_the_verb(
    text: str, speaker: str
) -> None:
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_phrasing_woven_into_a_sentence_is_its_subjects_but_a_name_in_quotes_is_not() -> None:
    assert found("Minister-president Jan de Boer noemde het akkoord „een historische stap”.") == [
        ("een historische stap", "Jan de Boer", "partial")
    ]
    assert found("Whitfield will name her squad for the cup tie against “the Reds”.") == [
        ("the Reds", None, "scare")
    ]


def test_one_word_names_keep_their_article_and_role_nouns_find_their_organisation() -> None:
    assert [
        q.speaker for q in find_quotes("La critique est partagée : Le Monde parle d’un film « lumineux ».")
    ] == ["Le Monde"]
    text = "Regional airline Skyhop cancelled all flights. “Safety is our only priority,” the airline said."
    assert [q.speaker for q in find_quotes(text)] == ["Skyhop"]


def test_a_participle_cue_takes_the_subject_of_its_clause() -> None:
    text = (
        "Laura Kim spoke after the match. "
        "“We are ready,” she said, adding that the team was “in great shape.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Laura Kim", "Laura Kim"]


def test_a_pronoun_resolves_to_the_most_recent_person_of_its_gender() -> None:
    paragraphs = [
        "Senator Margaret Olsen and Governor Paul Reyes clashed over the water bill on Tuesday.",
        "“This bill is a giveaway to developers,” she said.",
        "“It protects every farm in the state,” he said.",
    ]
    assert [[q.speaker for q in quotes] for quotes in quote_paragraphs(paragraphs)] == [
        [],
        ["Margaret Olsen"],
        ["Paul Reyes"],
    ]


def test_a_pronoun_prefers_the_subject_over_an_object() -> None:
    text = (
        "Perhaps the most revealing moment was Trump’s answer about trusting Putin. "
        "His reply that he trusts “almost nobody” surprised the room."
    )
    assert found(text) == [("almost nobody", "Trump", "partial")]


def test_the_speaker_is_the_fullest_name_in_the_document() -> None:
    paragraphs = [
        "President Donald Trump spoke to reporters on Monday.",
        "“We will see,” Trump said.",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker == "Donald Trump"
    # Two people share the surname: the one named last before the quote wins.
    paragraphs = ["Melania Trump and Donald Trump arrived.", "Donald Trump waved.", "“Hello,” Trump said."]
    assert quote_paragraphs(paragraphs)[2][0].speaker == "Donald Trump"


def test_known_people_give_the_full_name() -> None:
    result = quote_paragraphs(["“It was a long night,” Rivers said."], known_people=["Sophia Rivers"])
    assert result[0][0].speaker == "Sophia Rivers"


def test_a_role_noun_resolves_to_its_named_holder() -> None:
    paragraphs = [
        "Prime Minister Helen Achterberg met the unions on Monday.",
        "The prime minister said later that she was “open to talks.”",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker == "Helen Achterberg"


def test_the_company_resolves_to_the_organisation_named_before() -> None:
    text = "Northwind Energy Ltd will close two plants. “It was a hard decision,” the company said."
    assert found(text) == [("It was a hard decision,", "Northwind Energy Ltd", "direct")]


def test_a_speaker_carries_into_a_paragraph_that_continues_the_quotes() -> None:
    paragraphs = [
        "“We are ready,” coach Ana Silva said after practice.",
        "“The players know what is at stake.”",
    ]
    assert [[q.speaker for q in quotes] for quotes in quote_paragraphs(paragraphs)] == [
        ["Ana Silva"],
        ["Ana Silva"],
    ]


def test_a_speaker_does_not_carry_past_a_newly_named_person() -> None:
    paragraphs = [
        "“We are ready,” coach Ana Silva said after practice.",
        "Striker Tom Berg was less sure. “We have not won away all season.”",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker is None


def test_no_guess_from_far_away() -> None:
    paragraphs = [
        "Dr. Amara Okafor runs the clinic.",
        "The clinic opened in 1998.",
        "It has forty beds.",
        "“We see forty patients a day,” she said.",
    ]
    assert quote_paragraphs(paragraphs)[3][0].speaker is None
    assert find_quotes("Smith arrived late. “We are ready.”")[0].speaker is None


def test_dropped_subject_after_a_cue_verb_is_the_last_person() -> None:
    paragraphs = [
        "«Es el mayor proyecto», dijo la alcaldesa Marta Ruiz.",
        "«No hay dinero para todo», añadió.",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker == "Marta Ruiz"


def test_french_inverted_pronoun() -> None:
    paragraphs = [
        "Le ministre Bruno Lefèvre a défendu sa réforme.",
        "« Nous ne reculerons pas », a-t-il déclaré.",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker == "Bruno Lefèvre"


# --- bad input --------------------------------------------------------------------------------


def test_characters_xml_cannot_carry_are_refused_with_a_typed_error() -> None:
    with pytest.raises(ValidationError, match="U\\+0000"):
        find_quotes("“Hello\x00,” she said.")
    assert issubclass(ValidationError, NewsModelError)


def test_wrong_types_are_refused() -> None:
    with pytest.raises(TypeError):
        quote_paragraphs("one paragraph")
    with pytest.raises(TypeError):
        quote_paragraphs([b"bytes"])  # type: ignore[list-item]


def test_empty_input() -> None:
    assert find_quotes("") == ()
    assert quote_paragraphs([]) == ()
    assert quote_paragraphs(["", "  "]) == ((), ())


# --- descriptors before names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A capitalised word before a given name and a surname describes the person.
        ("“The creek was dry by August,” said Rancher Tom Bellweather.", "Tom Bellweather"),
        ("Landrat Jürgen Albers warnte: „Wir lassen niemanden allein.“", "Jürgen Albers"),
        ("„Drie jaar lang”, zei Bewoner Henk Jansen.", "Henk Jansen"),
        # A role noun's ending marks it even before a given name no list holds.
        ("Volunteer Moira Galbraith said it was “different every day.”", "Moira Galbraith"),
        # A lone capital before lower-case role words qualifies the role.
        ("Opposition councillor Tomas Varga said it was “a disgrace.”", "Tomas Varga"),
        ("Local shopkeeper Vincent Obi called it “good news for everyone.”", "Vincent Obi"),
        # After a cue verb: an article and role words no list knows, then the name.
        ("«È un modo per restituire il museo», ha detto il direttore Paolo Esposito.", "Paolo Esposito"),
    ],
)
def test_a_descriptor_before_a_name_is_not_part_of_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_a_given_name_first_keeps_the_whole_name() -> None:
    assert [q.speaker for q in find_quotes("“We won,” said Mary Ann Smith.")] == ["Mary Ann Smith"]


def test_a_name_after_de_is_what_the_role_is_of() -> None:
    text = "La consejera de Agricultura, Rocío Navarro, prometió ayudas «en las próximas semanas»."
    assert [q.speaker for q in find_quotes(text)] == ["Rocío Navarro"]


def test_speech_after_an_introducing_paragraph_is_its_subjects() -> None:
    paragraphs = [
        "Retired judge Constance Whitaker spent thirty years on the bench. Asked which case she "
        "remembered most, she did not hesitate.",
        "“It was the mill closure in 1998. Four hundred people lost their jobs.",
        "“Nobody who stood in front of me was a criminal.”",
    ]
    assert [[q.speaker for q in quotes] for quotes in quote_paragraphs(paragraphs)] == [
        [],
        ["Constance Whitaker"],
        ["Constance Whitaker"],
    ]


def test_a_name_before_an_auxiliary_is_a_subject_even_after_a_fronted_phrase() -> None:
    paragraphs = [
        "For forty-two years Walter Greaves has walked the same route at dusk.",
        "‘I never missed a night,’ he said.",
    ]
    assert quote_paragraphs(paragraphs)[1][0].speaker == "Walter Greaves"
    # ... but not the object of a preposition.
    text = "A headteacher in Bristol has banned phones after what she called ‘a crisis of attention’."
    assert find_quotes(text)[0].speaker == "A headteacher"


def test_a_word_the_document_names_someone_without_is_a_descriptor() -> None:
    paragraphs = [
        "Fahrgast Xaver Sommer nahm es gelassen: „Dann laufe ich eben.“",
        "Xaver Sommer wohnt seit zwanzig Jahren in Plagwitz.",
    ]
    assert quote_paragraphs(paragraphs)[0][0].speaker == "Xaver Sommer"
