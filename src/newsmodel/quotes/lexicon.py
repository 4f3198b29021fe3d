"""The words speaker attribution looks for.

English, German, French, Spanish, Italian, Portuguese and Dutch.

All entries are lower case; lookups lower-case the token first.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "ADVERBS",
    "ALWAYS_SCARE",
    "ARTICLES",
    "AUXILIARIES",
    "CUE_NOUNS",
    "CUE_PREPOSITIONS",
    "CUE_VERBS",
    "DETERMINERS",
    "FEMALE",
    "GENERIC_ORG_NOUNS",
    "GIVEN_NAMES",
    "LINKERS",
    "MALE",
    "NAME_PARTICLES",
    "ORG_NOUNS",
    "ORG_WORDS",
    "PERSON_NOUNS",
    "POSSESSIVE_PRONOUNS",
    "PREPOSITIONS",
    "PRONOUNS",
    "SCARE_INTRODUCERS",
    "SECOND_PARTICLES",
    "STOP_CAPITALS",
    "SUBJECT_AUXILIARIES",
    "TIME_WORDS",
    "TITLES",
    "TITLE_SUFFIXES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce or attribute speech (and the verbs of stance the issue asks for:
# "characterised … as", "threatened to", "maintaining that").
CUE_VERBS = _words(
    """
    said says say saying told tells tell telling added adds adding wrote writes write writing
    stated states explained explains noted notes asked asks replied replies answered answers
    insisted insists insisting argued argues arguing claimed claims declared declares announced
    announces warned warns warning admitted admits admitting acknowledged acknowledges conceded
    recalled recalls continued continues concluded observed remarked suggested suggests tweeted
    posted testified emphasized emphasised emphasizes emphasises stressed stresses confirmed
    confirms denied denies predicted predicts promised promises vowed vows joked complained
    cautioned urged urges called calls calling described describes describing characterized
    characterised characterizes characterises characterizing characterising dubbed labeled
    labelled branded threatened threatens threatening maintained maintains maintaining
    insisted pledged pledges boasted shouted screamed whispered cried muttered agreed agrees
    disagreed objected protested responded responds reiterated repeated exclaimed quipped
    texted emailed messaged announced reported reports dismissed dismisses shot fired countered
    counters retorted snapped hailed criticised criticized condemned chanted chants
    sagte sagt sagten sagen erklärte erklärt erklärten betonte betont meinte meint schrieb
    schreibt antwortete antwortet warnte warnt kritisierte forderte fordert ergänzte fügte
    sprach räumte bekräftigte versprach erzählte erzählt bezeichnete bezeichnet nannte nennt
    reagierte nannten betonten warnten kritisierten forderten bezeichneten meinten erklärt
    antworteten schrieben
    déclaré déclare déclarait dit disait affirmé affirme expliqué explique ajouté ajoute
    souligné souligne estimé estime indiqué indique lancé lance répondu répond précisé précise
    assuré assure martelé prévenu confié raconté dénonce dénoncé critiqué critique qualifié
    qualifie jugé juge réagi réagit demandé demande parle parlé
    dijo dice decía afirmó afirma declaró declara explicó explica añadió añade aseguró asegura
    señaló señala indicó indica comentó comenta manifestó advirtió sostuvo calificó califica
    describió tildó definió reaccionó pidió pide solicitó exigió
    detto dichiarato spiegato aggiunto affermato sottolineato
    disse afirmou declarou explicou acrescentou
    zei zegt verklaarde
    """
)
# Cues that are prepositions: the speaker follows them ("according to X", "selon X").
CUE_PREPOSITIONS = _words("according selon laut según secondo segundo volgens aldus")
# Nouns of speech after a possessive: "Trump’s characterization … as", "his admission that".
CUE_NOUNS = _words(
    """
    statement statements remark remarks comment comments words reply response answer admission
    characterization characterisation description claim claims assertion warning promise pledge
    vow view assessment insistence threat threats message post tweet testimony account
    """
)
# Auxiliaries and adverbs that may sit between a speaker and the cue verb.
ADVERBS = _words(
    """
    also later then previously once still again recently has had have would will could
    allegedly reportedly publicly repeatedly further added simply only just had already
    hat hatte habe a avait ha había ha heeft
    """
)
TITLES = _words(
    """
    president vice prime minister chancellor senator sen. sen state rep. rep representative
    gov. gov governor mayor councillor councilor councilman councilwoman judge justice chief
    executive ceo chairman chairwoman chair director secretary general gen. gen colonel col.
    lt. lieutenant capt. captain sgt. sergeant officer detective det. inspector dr. dr prof.
    prof professor mr. mr mrs. mrs ms. ms miss mx. sir dame lord lady rev. reverend father pope
    king queen prince princess sheikh coach herr frau m. mme mme. mlle monsieur madame señor
    señora sr. sra. don doña bundeskanzler bundeskanzlerin kanzler kanzlerin präsident
    präsidentin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin président
    présidente presidente ministro ministra ministre commissioner superintendent ambassador
    pastor rabbi imam bishop cardinal dean principal attorney speaker spokesman spokeswoman
    spokesperson founder richter staatsanwalt anwalt rechter juez jueza juge giudice
    """
)
MALE = _words(
    """
    mr. mr sir lord king prince father herr m. monsieur señor sr. don he him his himself er ihm
    sein seine il lui él hij
    james john robert michael william david richard joseph thomas charles daniel matthew mark
    paul steven andrew kenneth george joshua kevin brian edward ronald timothy jason jeffrey
    ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose henry adam
    douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald
    christian terry sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan
    bruce willie gabriel alan juan logan wayne ralph roy eugene randy vincent russell louis
    philip bobby johnny bradley tom hans klaus jürgen wolfgang pierre jean jacques luis carlos
    javier miguel pedro giovanni marco luca ahmed mohammed ali omar donald vladimir barack
    emmanuel olaf friedrich boris joe
    # Given names across the languages the engine reads and beyond, so that a capitalised
    # word before one ("Rancher Tom …", "Landrat Jürgen …") can be told from a first name.
    alan alberto alejandro alessandro alfred alfredo andré andrea andreas andrés andrzej angelo
    anton antonio antoine arjun armin arnaud arne axel bart bas bastian ben bernard bernd bill
    björn bob bram bruno callum carlo carsten cedric césar chris christoph christophe christopher
    claude claudio colin conor cornelis craig dan darius dariusz dean declan dennis derek dermot
    diego dieter dimitri dirk dominic dominik duncan edgar eduardo elias emil emilio enrique
    enzo erik ernst esteban ethan fabian fabio fabrice federico felipe felix fernando filip
    florian françois francesco francisco franco frank franz fred frederik gareth gavin gerard
    gerhard gianluca gilles giorgio giuseppe gordon graham grant greg guido guillaume günter
    gustavo harry heinz helmut henk henri henrik herbert hugo hugh ian ibrahim ignacio igor
    ivan jaap jakob jan jannik janusz jasper jens jeroen jim jimmy joachim joão joel johan
    johannes jonas jorge josé josef joost jordi julian julien jun karl karim kai kenji kevin
    kieran knut krzysztof lars laurent leo leon leonard leonardo lorenzo lucas luka lukas
    luuk maarten malcolm manuel marc marcel marcelo marcin marco marcus mario marius mark
    markus martin martijn mateo mathias matteo matthias mattia max maxime mehmet michel
    michiel mikael mike miles mohamed moritz muhammad mustafa nabil neil niels nigel nico
    nicolas niklas nikolai noel norbert nuno olivier oliver oscar oskar otto owen pablo
    paolo pascal patrice patrik paulo pavel pedro philippe pieter piotr rafael rafał
    rahul raj rajesh ralf ramón raúl reinhard rené ricardo riccardo rik roberto rodrigo
    roel roland rolf ronan rory ruben rudolf rui rüdiger sam sander sandro santiago sašo
    sebastian sébastien sergei sergio shane simon simone sipho stefan stefano stephan sven
    takeshi tariq theo thierry thijs tim tobias tomas tomás tomasz toni torsten uwe valentin
    vasco victor viktor vincenzo vittorio volker werner wilhelm willem wim wojciech xavier
    yann yannick yusuf yves zoltan ahmet murat emre burak hakan cem kemal orhan serkan
    hasan hüseyin osman yasin onur volkan tarek khalid hamid reza amir farid karim
    kwame kofi chinedu emeka oluwaseun tunde themba thabo wei jian hao hiroshi takumi
    min-jun ji-hoon arash ravi amit vikram sanjay suresh anil
    """
)
FEMALE = _words(
    """
    mrs. mrs ms. ms miss dame lady queen princess mother frau mme mme. mlle madame señora sra.
    doña she her hers herself elle ella lei
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
    judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
    janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly
    danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
    jane angela ursula annalena sophie claire isabelle carmen lucia sofia giulia chiara kamala
    hillary melania ana lena amara priya fatima aisha ingrid greta
    adriana agnieszka alejandra alessandra alexandra alicia alina amelia amélie anastasia
    andrea angelika anke anna-lena anne annette anneke antje antonia astrid barbara beatrice
    beatriz birgit brigitte camille carla carolina caroline cecilia céline charlotte chloé
    christa claudia colette cornelia daniela danuta dominique doris edith elena eleonora
    elif elisa elisabeth elise ella elke ellen eloise elsa els emilia emma erika esther eva
    fabienne federica femke fiona florence francesca françoise gabriele gabriela gemma
    gertrud gisela giovanna glenys gudrun hanna hannelore hélène heike helga hilde ilse
    inés inês ines inge irene irina isabel isabella isabelle ivana jana janine jasmin
    jeanne joanna johanna josefine judit julia juliette jutta karin karina katarzyna
    katharina kathrin katja katrin kerstin kirsten klara laura laure lea leonie lieke lina
    lisa lotte louise lucía luisa lydia magdalena maja manon manuela mar marga margarethe
    margot mari mariana marianne marie-claire marina marion marisa marit marjolein marta
    martina martine maryam mathilde meike mercedes mia michaela milena miriam monika
    monique nadia nadine natalia natascha nathalie nina noor nora olga patrizia paula
    paulina petra pia pilar raquel regina renate rita roberta rosa rosalind rosario sabine
    sandra sanne sara silke silvia simona simone sinead sonia sonja stefanie susanne svenja
    sylvie tamara tanja teresa ute valentina valeria valérie vera verena veronika vivian
    wiebke yasmin yvonne zofia zoe ayşe zeynep fatma emine leyla merve selin esra büşra
    derya gül özlem layla amina nour samira salma yara leila chioma ngozi amara adaeze
    thandiwe naledi mei yuki akiko haruka seo-yeon ji-woo shirin neha anjali sunita pooja
    deepika meera
    """
)
# Given names alone: the gendered words less the titles and pronouns.
GIVEN_NAMES = (MALE | FEMALE) - _words(
    """
    mr. mr sir lord king prince father herr m. monsieur señor sr. don he him his himself er ihm
    sein seine il lui él hij mrs. mrs ms. ms miss dame lady queen princess mother frau mme mme.
    mlle madame señora sra. doña she her hers herself elle ella lei
    """
)
# Pronouns that can stand for a speaker, by what they can stand for.
PRONOUNS: dict[str, str] = {
    **dict.fromkeys(_words("he him his himself er ihm sein seine seinem seinen il lui él hij zijn"), "m"),
    **dict.fromkeys(_words("she her hers herself elle ella lei zij ihr ihre"), "f"),
    **dict.fromkeys(_words("sie"), "any"),
    **dict.fromkeys(_words("it its they them their ils elles ellos ellas es"), "org"),
}
POSSESSIVE_PRONOUNS = _words("his her its their sein seine ihr ihre son sa ses su sus")
DETERMINERS = _words(
    "the a an this that these his her its their our der die das den dem des ein eine einer einem einen eines "
    "le la les l' su sus son sa ses leur leurs suo sua "
    "un une el los las lo il gli uno una de het een o a os as one another some"
)
# Definite articles a one-word name keeps ("Le Monde", "The Guardian").
ARTICLES = _words("the le la les der die das el los las il lo het")
# Nouns that name a person by role: "the minister said", "said the union’s president".
PERSON_NOUNS = _words(
    """
    president minister chancellor senator governor mayor councillor councilor judge justice
    chief executive ceo chairman chairwoman chair director secretary general officer detective
    inspector doctor professor spokesman spokeswoman spokesperson coach manager official
    officials leader economist analyst lawyer attorney mother father woman man author
    researcher scientist expert owner founder resident witness teacher student player captain
    reporter editor prosecutor commissioner ambassador diplomat chief premier king queen
    commuter singer mayor councilwoman councilman chairwoman maire sindaco alcalde alcaldesa
    entrenador concejal concejala député députée entraîneur allenatore trainer bürgermeister
    bürgermeisterin burgemeester assessore portavoce consigliere protesters protestors residents
    officials critic critics reviewer analysts
    experts witnesses voters fans neighbours neighbors doctors nurses workers
    minister ministerin sprecher sprecherin präsident präsidentin kanzler kanzlerin ministre
    porte-parole président présidente ministro ministra presidente portavoz
    colleague friend neighbour neighbor partner wife husband son daughter brother sister
    widow widower parent parents pupil farmer fisherman shopkeeper volunteer activist
    campaigner organiser organizer curator librarian engineer architect historian pensioner
    retiree veteran survivor victim driver pilot soldier firefighter paramedic nurse worker
    employee chef baker homeowner tenant landlord shopper passenger commuter trustee member
    consultant surgeon physician midwife headteacher principal superintendent chairperson
    directeur directrice adjoint adjointe médecin avocat avocate infirmière agriculteur
    consejero consejera director directora presidenta gerente vecino vecina agricultor
    agricultora médico médica abogado abogada
    direttore direttrice sindaca assessora presidentessa consigliera medico avvocato
    woordvoerder wethouder bewoner directeur voorzitter
    porta-voz diretor diretora comandante autarca presidente
    """
)
# Nouns that name an organisation: "the company said", "the ministry told".
ORG_NOUNS = _words(
    """
    company firm ministry government agency bank department council club party union group
    police army military court committee board authority commission office campaign
    administration team organisation organization institute university hospital school airline
    council court prosecutors
    kremlin white house regierung ministerium unternehmen polizei gouvernement ministère
    entreprise gobierno empresa ministerio
    """
)
# Capitalised words that end a name as an organisation: "Acme Corp", "Ministry of Health".
ORG_WORDS = _words(
    """
    inc inc. corp corp. ltd ltd. llc plc ag gmbh sa group company co co. bank ministry
    department council agency police university institute association union party commission
    office foundation court army government federation club committee board authority service
    news times post press reuters kremlin parliament congress senate fund trust network
    """
)
# Particles that join a name only after another one: "von der Leyen", "van den Berg", "de la Cruz".
SECOND_PARTICLES = _words("der den la le los las")
NAME_PARTICLES = _words("de da del della di du van von der den ter le la bin ibn al el dos das y zu")
# Capitalised at a sentence start without being a name.
STOP_CAPITALS = _words(
    """
    the a an this that these those it its he she they we i you his her their our my your in on at
    for from with by to of as and but or if when while after before during since although though
    because however meanwhile despite according perhaps also such some many most all both each
    every one two three there here what which who why how where yet so then now still even just
    only recent yesterday today tomorrow last next new no not nor secondo volgens según selon laut
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    der die das ein eine er sie es wir ich und aber wenn als laut le la les un une il elle ils
    nous je et mais selon el los las lo ella ellos y pero según lo
    """
)
# Forms of "to be" and other auxiliaries, which no noun phrase contains.
AUXILIARIES = _words("is are was were be been being am ist sind war waren est sont était es son era fue")
# Days and the like that may sit between a cue verb and the speaker ("a déclaré jeudi le maire").
TIME_WORDS = _words(
    """
    today yesterday monday tuesday wednesday thursday friday saturday sunday on
    heute gestern montag dienstag mittwoch donnerstag freitag samstag sonntag am
    aujourd’hui hier lundi mardi mercredi jeudi vendredi samedi dimanche
    hoy ayer lunes martes miércoles jueves viernes sábado domingo
    oggi ieri lunedì martedì mercoledì giovedì venerdì sabato domenica
    vandaag gisteren maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    """
)
# Organisation nouns that stand for any organisation ("the company" for "Acme Ltd").
GENERIC_ORG_NOUNS = _words("company firm group business unternehmen konzern entreprise société empresa")
# Endings of compound titles: "Innenminister", "Ministerpräsidentin", "Pressesprecher".
TITLE_SUFFIXES = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "leiter",
    "leiterin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
)
# Words after which quoted words are a title or a term, not anybody's speech.
SCARE_INTRODUCERS = _words(
    """
    so-called film movie book novel song album show series play poem painting documentary
    titled entitled nicknamed term word words phrase slogan motto hashtag label known named
    sogenannte sogenannten sogenannter genannte dit dite llamado llamada denominado
    """
)
# Introducers that make a quote a term whatever it says.
ALWAYS_SCARE = _words("so-called sogenannte sogenannten sogenannter soi-disant")
# Words after which a name starts a new clause (so it can be the clause's subject).
LINKERS = _words(
    """
    and but or that which who whom while when as because after before since although though if
    where so whereas until unless und aber dass weil als wenn während et mais que qui quand
    parce y pero que cuando e ma che en maar dat
    """
)
# Abbreviations whose final period does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr. mrs. ms. dr. prof. sen. rep. gov. gen. col. lt. capt. sgt. det. rev. st. jr. sr. sra.
    mme. mx. m. no. vs. etc. inc. corp. ltd. co. u.s. u.k. u.n. e.u. jan. feb. mar. apr. aug.
    sept. sep. oct. nov. dec. a.m. p.m. approx. dept. univ. ft. mt.
    """
)

# A cue preposition at a sentence start ("Selon Bassi", "Segundo Pereira") is not part of a name.
STOP_CAPITALS = (
    STOP_CAPITALS
    | CUE_PREPOSITIONS
    | _words(
        """
    dans pour avec sur après avant lors depuis en au aux du des mit nach bei für im zum zur
    con para por desde tras al del nel nella dopo durante per su sus son sa ses leur leurs sein
    seine ihr ihre suo sua
    """
    )
)

# A name right before one of these is its clause's subject even after a fronted phrase:
# "For forty-two years Walter Greaves has walked …". ("a" and "ha" are prepositions too.)
SUBJECT_AUXILIARIES = _words("has had have will would did does can could is was hat hatte wird ist war heeft")
# Words that take an object: a name after one ("A headteacher in Bristol has …") is no subject.
PREPOSITIONS = STOP_CAPITALS | _words(
    "near across about against among around between into over under without via"
)
