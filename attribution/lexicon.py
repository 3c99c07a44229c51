"""Word lists the extractor and speaker resolver rely on, kept apart from the rules using them.

Every list is lower case. Each says why a word is in it where that is not obvious.
"""

from __future__ import annotations


def _verb_forms(*bases: str) -> frozenset[str]:
    """Regular forms of each verb: `warn` gives warn, warns, warned, warning; a verb ending
    in consonant, vowel, consonant also gets doubled forms (admitted, quipping)."""
    forms: set[str] = set()
    for base in bases:
        if base.endswith("e"):
            forms.update({base, base + "s", base + "d", base[:-1] + "ing"})
        elif base.endswith("y") and base[-2:-1] not in "aeiou":
            forms.update({base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"})
        else:
            forms.update({base, base + "s", base + "ed", base + "ing"})
            vowels = "aeiou"
            if (
                len(base) >= 3
                and base[-1] not in vowels + "wxy"
                and base[-2] in vowels
                and (base[-3] not in vowels or base[-4:-2] == "qu")  # quip: quipped
            ):
                forms.update({base + base[-1] + "ed", base + base[-1] + "ing"})
    return frozenset(forms)


# Word tables are laid out for reading; the formatter would put one word on each line.
# fmt: off
# Verbs that introduce reported speech: "X said", "said X". Irregular forms listed by hand.
CUE_VERBS: frozenset[str] = _verb_forms(
    "add", "acknowledge", "admit", "allege", "announce", "answer", "argue", "assert", "boast",
    "caution", "charge", "claim", "comment", "complain", "concede", "conclude", "confirm",
    "contend", "continue", "counter", "declare", "deny", "emphasize", "emphasise", "exclaim",
    "explain", "insist", "joke", "lament", "maintain", "mention", "muse", "note", "observe",
    "plead", "pledge", "post", "predict", "promise", "quip", "recall", "recount", "remark",
    "repeat", "reply", "report", "respond", "retort", "scoff", "shout", "state", "stress",
    "suggest", "testify", "tweet", "urge", "vow", "warn", "whisper", "yell", "ask", "inquire",
    "reason", "reiterate", "concur", "sniff", "snap", "demand", "wonder", "implore",
    "chant", "chime", "caution", "contend", "gush", "opine", "rail", "scold", "recollect",
    "chide", "exult", "fume", "grumble", "interject", "marvel", "murmur", "mutter",
    "proclaim", "rant", "sigh", "summarize", "summarise", "surmise", "theorize", "text",
    "underscore", "underline", "volunteer", "venture", "assure", "advise", "acknowledge",
    "clarify", "emphasize", "reassure", "predict", "estimate", "conclude", "ask",
) | frozenset(
    {
        "say", "says", "said", "saying",
        "tell", "tells", "told", "telling",
        "write", "writes", "wrote", "writing", "written",
        "speak", "spoke",
        "put", "puts",  # "as he put it"
        "add", "adds", "added", "adding",
        "sing", "sings", "sang", "singing",
        "read", "reads",  # "the letter reads", "the sign read"
        "found", "finds",  # "a report released last year found that ..."
        "ruled",  # "Politifact then ruled that ..." ("a court ruling" is a noun)
        "point", "points", "pointed",  # "It also points out that ..."
        "thunder", "thundered", "bellow", "bellowed",
    }
)

# Cue words that are also common nouns: "his tweets", "the report", "a controversial
# comment", "secretary of state". They are verbs only after a speaker (`Trump tweets`).
NOUN_LIKE_CUES: frozenset[str] = frozenset(
    {
        "tweet", "tweets", "post", "posts", "report", "reports", "claim", "claims", "comment",
        "comments", "note", "notes", "state", "states", "answer", "answers", "reply", "replies",
        "promise", "promises", "pledge", "pledges", "charge", "charges", "counter", "counters",
        "remark", "remarks", "quip", "quips", "retort", "retorts", "joke", "jokes", "vow",
        "vows", "demand", "demands", "boast", "boasts", "lament", "laments", "muse", "muses",
        "whisper", "whispers", "shout", "shouts", "yell", "yells", "mention", "mentions",
        "repeat", "repeats", "stress", "stresses", "plea", "chant", "chants", "warning",
        "reason", "reasons", "concern", "concerns", "question", "questions", "write", "cite",
        "cites", "call", "calls", "label", "labels", "brand", "brands", "term", "terms",
        "praise", "praises", "blast", "blasts", "slam", "slams", "mock", "mocks", "hail",
        "read", "reads", "rule", "rules", "dub", "dubs", "reference", "references", "compare",
        # Framing words that are nouns as often: "executive orders", "terrorist attacks",
        # "their fears", "a few quotes", "text messages".
        "order", "orders", "attack", "attacks", "fear", "fears", "hope", "hopes", "insult",
        "insults", "quote", "quotes", "worry", "worries", "estimate", "estimates", "point",
        "points", "text", "texts", "tag", "tags", "echo", "echos", "use", "uses", "finds",
    }
)

# Words before a noun, never before a verb: "the report", "his tweets", "every claim".
NOUN_DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
     "those", "another", "every", "each", "no", "whose"}
)

# Prepositions: a cue word right after one is a noun ("secretary of state", "in a post").
PREPOSITIONS: frozenset[str] = frozenset(
    {"of", "in", "on", "at", "for", "with", "by", "from", "about", "into", "over", "under",
     "after", "before", "during", "against", "between", "among", "without", "via", "per",
     "around", "outside", "inside", "near", "beyond", "despite", "amid", "amidst", "across",
     "along", "behind", "beside", "throughout", "toward", "towards", "upon", "within", "unlike",
     "through", "since", "until", "onto", "off", "above", "below", "beneath", "alongside"}
)

# Pronouns that are objects: "asking her", "told them" name a listener, never a speaker.
OBJECT_PRONOUNS: frozenset[str] = frozenset({"him", "her", "them", "me", "us"})

# Nouns for people who are quoted by their role ("the engineer said", "a witness told").
PERSON_NOUNS: frozenset[str] = frozenset(
    {
        "man", "woman", "men", "women", "boy", "girl", "child", "mother", "father", "wife",
        "husband", "son", "daughter", "sister", "brother", "friend", "neighbor", "neighbour",
        "resident", "witness", "victim", "survivor", "engineer", "doctor", "nurse", "teacher",
        "student", "professor", "lawyer", "attorney", "judge", "official", "officer", "expert",
        "analyst", "economist", "scientist", "researcher", "historian", "author", "writer",
        "reporter", "journalist", "editor", "columnist", "host", "anchor", "moderator",
        "candidate", "nominee", "senator", "governor", "mayor", "president", "minister",
        "secretary", "chairman", "chairwoman", "chair", "director", "chief", "leader",
        "founder", "owner", "executive", "manager", "spokesman", "spokeswoman", "spokesperson",
        "aide", "adviser", "advisor", "strategist", "consultant", "pollster", "activist", "diplomat", "envoy",
        "organizer", "voter", "supporter", "critic", "opponent", "member", "lawmaker",
        "congressman", "congresswoman", "representative", "narrator", "questioner", "caller",
        "customer", "worker", "employee", "farmer", "soldier", "veteran", "commander",
        "general", "colonel", "sheriff", "prosecutor", "detective", "investigator", "coach",
        "player", "fan", "parent", "mom", "dad", "grandmother", "grandfather", "pastor",
        "priest", "rabbi", "imam", "bishop", "physician", "surgeon", "psychiatrist",
        "psychologist", "businessman", "businesswoman", "billionaire", "entrepreneur",
        "developer", "insider", "source", "person", "people", "commentator", "pundit",
        "blogger",
    }
)

# Cues that never take the speaker after them ("told Smith" names the listener).
CUES_WITHOUT_INVERSION: frozenset[str] = frozenset(
    {"tell", "tells", "told", "telling", "speak", "spoke", "put", "puts", "urge", "urged",
     "urges", "ask", "asks"}
) - {"asked"}

# Verbs that frame a fragment as someone's words ("called the plan 'a shell game'"); used to
# find the speaker of a partial quote, never to start a statement.
FRAMING_VERBS: frozenset[str] = _verb_forms(
    "call", "describe", "label", "brand", "characterize", "characterise", "term", "dub",
    "denounce", "praise", "slam", "blast", "hail", "decry", "criticize", "criticise", "vow",
    "pledge", "promise", "threaten", "accuse", "mock", "dismiss", "refer", "liken", "compare",
    "condemn", "bemoan", "cite", "reference", "tout", "lambast", "lambaste", "ridicule",
    "applaud", "welcome", "reject", "castigate", "berate", "assail", "portray", "depict",
    "deride", "disparage", "characterize", "characterise", "pound", "question", "attack",
    "recite", "invoke", "quote", "paraphrase", "echo", "insult", "nickname", "tag", "laud",
    "exhort", "use", "bemoan", "lament",
    "find",
    # Reporting verbs of textacy's quotation extractor (as kept by sayswho) not listed above:
    # verbs of belief, blame and refusal frame the words of whoever holds them.
    "agree", "believe", "blame", "decline", "disagree", "disclose", "fear", "hope", "order",
    "recommend", "scream", "think", "worry",
    # Verbs of proposal and confession, found framing credited fragments in news (proposed
    # we "start over", vented that it was "a joke"); and "thanked" below ("thanks to" is no
    # verb).
    "propose", "vent", "confide", "ponder", "rip",
) | CUE_VERBS | frozenset({"thought", "thinks", "thinking", "thanked", "thanking"})

# Words that may stand between a speaker and the cue: "Smith has also said".
CUE_ADVERBS: frozenset[str] = frozenset(
    {
        "has", "have", "had", "also", "later", "then", "once", "previously", "earlier", "again",
        "further", "reportedly", "recently", "would", "will", "could", "might", "may", "did",
        "does", "do", "is", "was", "were", "are", "repeatedly", "often", "simply", "just",
        "first", "last", "still", "never", "always", "long", "herself", "himself", "itself",
        "themselves", "not", "already", "since", "separately", "subsequently", "privately", "now",
        "publicly", "openly", "frequently", "initially", "ultimately", "finally", "similarly",
    }
)

# Words that say when or how something was said, skipped after an inverted cue
# ("said Thursday Smith" does not occur, but "said on Thursday" before a clause does).
TIME_WORDS: frozenset[str] = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
        "week", "month", "year", "last", "this", "on", "in", "earlier", "later", "recently",
        "previously", "afterward", "afterwards",
    }
)

# Personal titles and descriptors stripped from a name to give the person's canonical name.
TITLES: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend", "fr",
        "father", "sister", "brother", "sir", "dame", "lord", "lady", "sheikh", "imam", "rabbi",
        "pastor", "bishop", "cardinal", "pope", "president", "vice", "prime", "minister",
        "premier", "chancellor", "secretary", "gov", "governor", "lt", "lieutenant", "sen",
        "senator", "rep", "representative", "congressman", "congresswoman", "assemblyman",
        "assemblywoman", "councilman", "councilwoman", "councillor", "councilor", "mayor",
        "judge", "justice", "attorney", "general", "gen", "maj", "major", "col", "colonel",
        "capt", "captain", "cmdr", "commander", "adm", "admiral", "sgt", "sergeant", "cpl",
        "corporal", "pvt", "private", "officer", "detective", "inspector", "chief", "deputy",
        "ambassador", "commissioner", "director", "superintendent", "sheriff", "speaker",
        "leader", "king", "queen", "prince", "princess", "emir", "crown", "supreme",
        "ayatollah", "grand", "state", "foreign", "defense", "defence", "interior", "finance",
        "health", "education", "energy", "treasury", "homeland", "security",
        "trade", "labor", "labour", "outgoing", "incoming", "former", "acting", "interim",
        "then", "late", "democratic", "democrat", "republican", "gop", "dem", "libertarian", "sens", "reps", "drs",
        "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "presidential",
        "vice-presidential", "u.s", "us", "house", "senate", "majority", "minority", "whip",
        "ceo", "cfo", "chairman", "chairwoman", "chair", "founder", "head", "coach", "host",
        "anchor", "correspondent", "reporter", "editor", "columnist", "analyst", "economist",
        "first", "jr", "sr", "ii", "iii", "iv", "esq", "phd", "md", "city", "county",
        "district", "assistant", "associate", "senior", "executive", "press", "retired",
        "activist", "ret",
    }
)

# Generational suffixes kept out of a surname: "Martin Luther King Jr." is King.
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md"})

# Capitalised words that start sentences or name times and places, never a speaker by
# themselves.
NOT_NAMES: frozenset[str] = frozenset(
    {
        "the", "a", "an", "in", "on", "at", "for", "to", "of", "and", "but", "or", "so", "as",
        "if", "when", "while", "after", "before", "since", "because", "although", "though",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "your", "this", "that", "these", "those", "there", "here", "what", "who", "whom",
        "which", "where", "why", "how", "meanwhile", "however", "still", "yet", "also", "then",
        "now", "today", "yesterday", "tomorrow", "last", "next", "some", "many", "most", "more",
        "all", "both", "each", "every", "no", "not", "one", "two", "three", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "despite", "during", "with", "without", "from", "by", "about", "into",
        "over", "under", "between", "among", "against", "photo", "video", "read", "related",
        "update", "updated", "advertisement", "editor", "note", "asked", "according", "even",
        "just", "only", "instead", "indeed", "thus", "well", "yes", "mr", "mrs", "ms", "dr",
        "said", "says", "added", "told", "others", "other", "such", "several", "much", "few",
        "like", "unlike", "whether", "amid", "until", "unless", "once", "again", "ago", "later",
        "earlier", "recently", "already", "first", "second", "third", "finally", "lastly",
        "overall", "separately", "together", "perhaps", "maybe", "neither", "either",
        # Spans of time that open a sentence: "Hours later, she issued a statement".
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
        "moments",
    }
)

# Number words, which open times ("Twenty-two years ago,") and counts, never names.
NUMBER_WORDS: frozenset[str] = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "dozen", "dozens",
    }
)

# Pronouns that can stand for a speaker, by the kind of entity they refer back to.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
THING_PRONOUNS: frozenset[str] = frozenset({"it"})
# The writer (or the writer's side) speaking: "I said", "we asked".
FIRST_PERSON_PRONOUNS: frozenset[str] = frozenset({"i", "we"})
# Pronouns that name who speaks when they stand before a cue.
SPEAKING_PRONOUNS: frozenset[str] = PERSON_PRONOUNS | FIRST_PERSON_PRONOUNS
SUBJECT_PRONOUNS: frozenset[str] = (
    PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | FIRST_PERSON_PRONOUNS
)
# Possessive pronouns, and the pronoun each stands for when resolving who owns the words
# ("his claim": the owner is whoever "he" is).
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "he", "her": "she", "their": "they", "its": "it"}

# Nouns naming a document or announcement whose words belong to its issuer:
# "an Iraqi military statement said" is the Iraqi military speaking.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {
        "statement", "statements", "release", "communique", "communiqué", "announcement",
        "letter", "memo", "report", "filing", "complaint", "lawsuit", "ruling", "order",
        "tweet", "post", "message", "email", "e-mail", "notice", "bulletin", "document",
        "transcript", "video", "ad", "advertisement", "press", "website", "note", "poll",
        "survey", "study", "analysis", "editorial", "op-ed", "column", "decision", "opinion",
        "indictment", "motion", "brief", "declaration", "resolution", "proclamation", "readout",
        "article", "piece", "story", "spot", "clip", "commentary", "essay", "blog", "headline",
        "finding", "findings", "bylaws", "rules",
    }
)

# Nouns for people who speak on someone's behalf: "a spokesman for the ministry said".
SPOKESPERSON_NOUNS: frozenset[str] = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "aide",
     "aides", "adviser", "advisor", "advisers", "advisors", "lawyer", "attorney", "lawyers",
     "attorneys", "official", "officials", "source", "sources"}
)

# Nouns that name a group or organisation which can be quoted ("the ministry said").
ORG_NOUNS: frozenset[str] = frozenset(
    {
        "military", "army", "navy", "government", "ministry", "department", "office",
        "agency", "company", "firm", "campaign", "committee", "commission", "council", "court",
        "police", "group", "coalition", "administration", "party", "organization",
        "organisation", "union", "association", "board", "bureau", "authority", "authorities",
        "center", "centre", "institute", "foundation", "network", "newspaper", "paper",
        "magazine", "website", "outlet", "station", "channel", "team", "club", "league",
        "bank", "fund", "service", "parliament", "congress", "senate", "house", "cabinet",
        "embassy", "consulate", "mission", "alliance", "movement", "federation", "secretariat",
        "prosecutors", "prosecutor", "pentagon", "kremlin", "university", "college", "school",
        "hospital", "clinic", "forces", "command", "corporation", "corp", "inc", "ltd", "llc",
        "co", "times", "post", "journal", "news", "press", "tribune", "herald", "guardian",
        "telegraph", "reuters", "ap", "afp", "cnn", "nbc", "abc", "cbs", "fox", "bbc", "msnbc",
        "npr", "pbs", "politico", "axios", "bloomberg", "daily", "weekly", "review", "gazette",
        "observer", "independent", "economist", "staff", "spokesman", "spokeswoman",
        "spokesperson",
    }
)

# Plural nouns for groups of people ("anti-government protesters said"), the antecedents of
# "they".
GROUP_NOUNS: frozenset[str] = frozenset(
    {
        "protesters", "protestors", "demonstrators", "activists", "officials", "lawmakers",
        "legislators", "analysts", "critics", "residents", "witnesses", "experts",
        "researchers", "scientists", "investigators", "prosecutors", "authorities", "doctors",
        "nurses", "voters", "supporters", "opponents", "leaders", "militants", "rebels",
        "troops", "soldiers", "workers", "teachers", "students", "parents", "democrats",
        "republicans", "members", "organizers", "organisers", "advocates", "economists",
        "historians", "observers", "diplomats", "sources", "police", "officers", "employees",
        "executives", "investors", "farmers", "villagers", "locals", "citizens", "people",
        "families", "relatives", "victims", "survivors", "fans", "players", "owners",
        "neighbors", "neighbours", "aides", "advisers", "advisors", "insiders",
        "staffers", "delegates", "senators", "representatives", "ministers", "judges",
        "lawyers", "attorneys", "clerics", "fighters", "commanders", "campaigners", "unions", "groups", "companies", "pollsters", "forecasters",
        "strategists", "consultants", "donors", "organizations", "agencies",
        "governments", "countries", "states", "nations", "allies", "partners", "rivals",
        "candidates", "nominees", "conservatives", "liberals", "progressives",
    }
)

# Words before a quote that mark it as a term, title or name, not someone's words:
# the so-called "peace dividend", a show titled "Morning Joe".
TERM_MARKERS: frozenset[str] = frozenset(
    {
        "so-called", "dubbed", "nicknamed", "titled", "entitled", "coined", "term", "terms",
        "known", "slogan", "slogans", "hashtag", "nickname", "commentary", "essay", "anthem",
        "hymn", "op-ed",
        "alias", "aka", "headline", "headlined", "show", "series", "sitcom", "film", "movie",
        "book", "novel", "song", "album", "musical", "episode", "segment", "poem", "painting",
        "documentary", "podcast", "codenamed", "code-named", "catchphrase", "motto", "meme",
    }
)

# Nouns for programmes and publications: a title after one is a title ("broadcast of
# “Fox News Sunday”", "the show “The Apprentice”").
MEDIA_NOUNS: frozenset[str] = frozenset(
    {
        "show", "shows", "program", "programme", "broadcast", "episode", "segment", "edition",
        "series", "interview", "network", "channel", "podcast", "documentary", "film", "movie",
        "book", "novel", "memoir", "song", "album", "column", "newsletter", "magazine",
        "newspaper", "website", "blog", "bill", "act", "law", "project", "campaign", "report",
        "study", "paper", "play", "musical", "painting", "exhibit", "exhibition", "event",
        "forum", "conference", "summit", "hearing", "debate", "speech", "address", "anthem",
    }
)

# Verbs of using words, which credit them only before a noun for words ("Trump has used
# the phrase “Islamic terrorism”"; "the city used the money" credits nobody).
USE_VERBS: frozenset[str] = frozenset({"use", "uses", "used", "using", "invoke", "invokes", "invoked", "invoking"})
PHRASE_NOUNS: frozenset[str] = frozenset(
    {"phrase", "word", "words", "term", "expression", "slogan", "line", "label", "epithet"}
)

# Nouns for what someone said, owned by its speaker: "Trump's claim that ...".
SPEECH_NOUNS: frozenset[str] = frozenset(
    {
        "claim", "claims", "statement", "statements", "remark", "remarks", "comment",
        "comments", "words", "promise", "promises", "pledge", "vow", "warning", "assertion",
        "accusation", "accusations", "argument", "description", "characterization", "call",
        "insistence", "suggestion", "charge", "charges", "boast", "complaint", "prediction",
        "criticism", "attack", "attacks", "response", "reply", "answer", "tweet", "tweets",
        "message", "declaration", "admission", "contention", "view", "slogan", "rhetoric",
        "refusal", "demand", "demands", "reference", "references", "question", "questions",
    }
)

# Small words that may stay lower case inside a title ("Keeping Up with the Kardashians").
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "of", "on", "in", "at", "to", "for", "by",
     "with", "from", "as", "vs", "vs.", "v.", "de", "la", "le"}
)

# Lower-case particles inside names: Muqtada al-Sadr, Ludwig van Beethoven, Osama bin Laden.
NAME_PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del", "della", "der",
     "den", "van", "von", "le", "la", "st", "y", "dos", "das", "ter", "ten", "mac"}
)

# Words that end a speaker phrase when met walking left from the cue: a speaker is never
# "what they" or "in light of X".
SUBJECT_STOPS: frozenset[str] = frozenset(
    {
        "in", "on", "at", "to", "from", "by", "with", "without", "into", "onto", "about",
        "after", "before", "during", "since", "until", "because", "although", "though",
        "while", "when", "where", "whether", "if", "unless", "that", "which", "who", "whom",
        "whose", "what", "why", "how", "and", "but", "or", "nor", "so", "as", "than", "then",
        "is", "was", "were", "are", "be", "been", "being", "said", "says", "say", "told",
        "meanwhile", "however", "also", "even", "just", "only", "not", "no", "yes", "over",
        "under", "against", "between", "among", "amid", "through", "across", "per", "via",
        "like", "for", "once", "there", "here", "it's", "its", "whereas",
        "both", "either", "neither", "ago", "later", "earlier", "now", "today", "yesterday",
        "tomorrow", "tonight", "recently", "this", "last", "next", "every", "each",
    }
)

# Determiners kept at the head of a speaker phrase ("the statement", "a spokesman").
DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
     "another", "one", "two", "three", "several", "some", "many", "other", "both"}
)

# Words that negate, compared by count: a "not" added or dropped flips a statement.
NEGATIONS: frozenset[str] = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
     "nowhere", "noone", "nope", "nay"}
)

# Modal verbs: "will" and "may" promise different things.
MODALS: frozenset[str] = frozenset(
    {"will", "would", "shall", "should", "may", "might", "can", "could", "must", "ought",
     "need", "dare"}
)
# Words that can head a speaker phrase: people, groups, organisations and documents.
SPEAKER_WORDS: frozenset[str] = (
    PERSON_NOUNS | SPOKESPERSON_NOUNS | GROUP_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | TITLES
)
# fmt: on

# Place words: a capitalised run holding one is a place or body, never a person.
PLACE_WORDS = frozenset(
    {
        "united",
        "states",
        "kingdom",
        "republic",
        "north",
        "south",
        "east",
        "west",
        "new",
        "city",
        "county",
        "province",
        "island",
        "islands",
        "river",
        "street",
        "avenue",
        "road",
        "airport",
        "base",
        "airbase",
        "gulf",
        "sea",
        "ocean",
        "mountains",
        "valley",
        "bay",
        "park",
        "square",
        "bridge",
        "district",
        "region",
        "state",
        "force",
        "forces",
        "images",
        "group",
        "war",
        "day",
        "airlines",
        "festival",
        "awards",
        "church",
        "mosque",
        "tower",
        "hall",
        "center",
        "centre",
        "zone",
        "strait",
        "canal",
        "lake",
        "desert",
        "coast",
        "border",
    }
)

# Words that join the parts of an organisation's name: the Center for American Progress, the
# Council on Foreign Relations, the Bureau of Alcohol, Tobacco and Firearms.
ORG_CONNECTORS = frozenset({"of", "for", "on", "and", "&"})
# Months and days: a date, never a speaker ("a separate June interview").
DATE_WORDS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
