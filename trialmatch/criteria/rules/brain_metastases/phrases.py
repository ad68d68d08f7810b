"""Phrases the brain-metastasis rules read: mentions, qualifiers, permissions, exceptions, requirements.

Kept apart from the rule logic in brain_metastases.py so each file has one job. Every pattern is
linear: bounded repeats over disjoint character classes, no nested open-ended quantifiers.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Verdict
from trialmatch.criteria.rules.prefilter import Guarded, folded, guarded
from trialmatch.criteria.rules.reader.vocabulary import NOT_SHUT_OUT, SHUT_OUT

E, U, X = ELIGIBLE, UNKNOWN, EXCLUDED

SITE = r"(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?|brain parenchymal|parenchymal brain)"
# Other sites a list of metastases names beside the brain: "brain, central nervous system (CNS), and/or spinal cord
# metastases", "brain, spinal cord, or leptomeningeal metastases", "brain, liver or bone metastases".
_NEURO_SITE = (r"(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?|spinal(?: cord)?|spine"
               r"|(?:lepto-?\s?)?meningeal|meninges|dural|brain\s?stem|parenchymal|liver|hepatic|bone|osseous|adrenal|lung|pulmonary"
               r"|pleural|peritoneal|skin|nodal|lymph node)")
_LIST_SEP = r"(?:\s*[,/]\s*(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or)\s+)"
_ABBREVIATION = r"(?:\s*\([^()]{1,12}\))?"


class _NamesSite(Guarded):
    """A guarded pattern whose every match also holds a site word: its own needles ("met") are in most sentences,
    the site words in few, so both are asked before the regex runs."""

    _site = guarded(r"\b(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?)\b", re.I)

    def possible(self, text: str) -> bool:
        return super().possible(text) and self._site.possible(text)


# "brain metastases", "brain or meningeal metastasis", "central nervous system (CNS) metastases",
# "spinal cord compression/brain metastases", "CNS metastatic disease", "metastases to the brain".
BRAIN_METS = _NamesSite(re.compile(
    # (The lookahead names the letters a match can start with: the regex skips any other position after one test,
    # instead of trying each alternative there. It changes no match.)
    rf"(?=[bcipms])(?:\b{SITE}{_ABBREVIATION}(?:{_LIST_SEP}{_NEURO_SITE}{_ABBREVIATION}){{0,4}}"
    # "brain transfer", "intracranial transfer(s)": metastasis (转移) as some translations from Chinese render it (not
    # a patient's transfer "to another centre").
    rf"(?:\s*(?:or|and|and/or|/)\s*[\w-]+)?\s*(?:metasta\w*|mets|transfers?(?!\s+(?:of|to|from|into)\b))\b"
    # "metastatic disease involving the central nervous system", "metastases to the brain"
    r"|\bmetasta\w*(?: (?:disease|lesions?|tumou?rs?|spread|involvement))? (?:to|in|of|involving|within)"
    r" (?:the )?(?:brain|cns|central nervous(?: system)?)\b"
    # "secondary (e.g., metastatic) cerebral neoplasm", "metastatic brain tumours" (not a primary brain tumour),
    # "metastatic CNS disease"
    r"|\b(?:secondary|metastatic)\s*(?:\([^()]{1,20}\)\s*)?(?:brain|cerebral|intra-?cranial|cns)\s+"
    r"(?:neoplasms?|tumou?rs?|lesions?|malignanc(?:y|ies)|disease)\b"
    # Lay wording: "cancer that has spread to the brain", "secondary cancer in the brain".
    r"|\bspread(?:s|ing)?\s+(?:in)?to\s+(?:the\s+|your\s+|his\s+|her\s+|their\s+)?(?:brain|cns"
    r"|central nervous system)\b"
    r"|\bsecondary\s+(?:cancers?|tumou?rs?|deposits?|growths?)\s+(?:in|of|within)\s+(?:the\s+|your\s+)?brain\b)",
    re.I,
))
# The lay mentions above: "spread to the brain" is a metastasis only when the cancer is what spread (not "an
# infection spreading to the brain"); "secondary cancer in the brain" is the patient's own cancer, not another one.
LAY_SPREAD = re.compile(r"^spread", re.I)
SPREAD_NEGATED = re.compile(r"\b(?:(?:has|have|had|did|does)\s+not|(?:hasn|haven|hadn|didn|doesn)['’]t)\s+(?:yet\s+)?$",
                            re.I)
SPREAD_SUBJECT = re.compile(
    r"\b(?:cancer|tumou?rs?|carcinoma|nsclc|malignancy|disease|it)\b(?:\s+[\w'’-]+){0,4}\s*$", re.I)
# "You have cancer that has spread to the brain", "Your cancer has spread to your brain", "diagnosed with cancer that
# has spread to the brain": in an inclusion, the lay way of asking for brain metastases.
LAY_HAVE = re.compile(
    r"\b(?:you|patients?|participants?)\s+(?:have|has)\b|\byou['’]ve\b|\byour\s+(?:lung\s+)?(?:cancer|tumou?r)\s+has\b"
    r"|\bdiagnosed\s+with\b", re.I)
LAY_SECONDARY = re.compile(r"\bsecondary\s+(?:cancers?|tumou?rs?|deposits?|growths?)\s+(?:in|of|within)\s+"
                           r"(?:the\s+|your\s+)?brain\b", re.I)
# "symptomatic CNS disease", "untreated intracranial disease", "active central nervous system lesion": with a
# qualifier of activity the disease (or lesion) is the metastases (alone, "CNS disease" or "brain lesions" may be a
# stroke or a primary tumour and is not read). A second site may share the noun ("active cerebral/meningeal disease",
# "untreated brain or leptomeningeal disease", "active brain and/or spinal cord disease").
_BRAIN_SITE = r"(?:cns|central nervous(?: system)?|intra-?cranial|brain|cerebral)"
_SHARED_SITE = (r"(?:\s*/\s*|\s*,\s*|\s+(?:or|and|and/or)\s+)"
                r"(?:lepto-?\s?meningeal|meningeal|spinal(?: cord)?|dural|cns|brain|cerebral|intra-?cranial)")
BRAIN_DISEASE = guarded(
    r"\b(?:active|untreated|symptomatic|progressive|progressing|unstable|uncontrolled)\s+"
    rf"(?P<site>{_BRAIN_SITE}(?:{_SHARED_SITE}){{0,2}}\s+(?:disease|involvement|lesions?))\b",
    re.I,
)
# "Symptomatic primary CNS tumour, metastases or leptomeningeal disease": the site and its qualifier shared by a list,
# whose bare "metastases" are the CNS ones.
SHARED_SITE_METS = guarded(
    r"\b(?P<qualifier>active|untreated|symptomatic|progressive|progressing|unstable|uncontrolled)\s+(?:primary\s+)?"
    rf"{_BRAIN_SITE}(?:\s*\([^()]{{1,12}}\))?\s+(?:tumou?rs?|neoplasms?|malignanc(?:y|ies))\s*"
    r"(?:,|/|\bor\b|\band\b|\band/or\b)\s*(?:(?:or|and|and/or)\s+)?(?P<site>metasta(?:sis|ses|tic disease))\b",
    re.I,
)
# "NSCLC with CNS involvement", "central nervous system involvement": the cancer reaching the CNS, its metastases.
CNS_INVOLVEMENT = re.compile(
    r"\b(?P<site>(?:cns|central nervous(?: system)?|intracranial|brain)(?:\s*\(cns\))?\s+involvement)\b", re.I)
# "Brain metastases that have not been previously irradiated" opening an inclusion bullet: a lesion it asks for.
UNTREATED_RELATIVE = guarded(
    rf"^\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|having|who have|must have)\s+)?(?:at least one\s+)?"
    rf"{SITE}\s+(?:metasta\w*|lesions?)\s+(?:that|which)\s+(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+"
    rf"(?:previously\s+)?(?:treated|irradiated)\b",
    re.I,
)
# Its needle check: the site words are rarer than "disease" (which a guard would pick, being longer).
SITE_WORDS = guarded(r"\b(?:cns|central nervous(?: system)?|intra-?cranial|brain|cerebral)\b", re.I)
# "untreated brain lesions from a prior stroke": lesions of another cause are not the metastases.
OTHER_CAUSE_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:stroke|infarct\w*|isch[a]?emi\w*|ha?emorrhag\w*|vascular|demyelinat\w*|multiple sclerosis"
    r"|trauma\w*|benign|abscess\w*|infect\w*)", re.I)
LEPTO = guarded(
    r"\blepto-?\s?meningeal|\bmeningeal (?:metasta\w*|carcinomatosis|disease|involvement|spread)"
    r"|\b(?:carcinomatous|cancerous|cancer|neoplastic|malignant) meningitis|\bmeningitis carcinomatosa"
    r"|\bmeningeal carcinomatosis"
    # "malignant cells in the cerebrospinal fluid", "positive CSF cytology": leptomeningeal spread, by its finding
    r"|\b(?:malignant|tumou?r|cancer|carcinoma|neoplastic) cells (?:with)?in (?:the )?(?:cerebrospinal fluid|csf)\b"
    r"|\bpositive (?:cerebrospinal fluid|csf) cytolog\w*",
    re.I,
)

# Other CNS conditions an exclusion lists before the brain metastases ("leptomeningeal disease, spinal cord compression
# or brain metastases"): one word each, so a negation before the list reaches the mention.
OTHER_CNS_CONDITION = guarded(
    rf"(?:{LEPTO.pattern.pattern})(?:\s+(?:disease|metasta\w*|carcinomatosis|involvement|spread))?"
    r"|\b(?:(?:metastatic|malignant)\s+)?(?:spinal\s+)?cord\s+compression\b"
    r"|\bepidural\s+(?:disease|metasta\w*|tumou?rs?|compression)\b",
    re.I,
)
# "Patients with asymptomatic CNS metastases (treated or untreated) and/or asymptomatic leptomeningeal carcinomatosis
# are eligible": another CNS condition joined to the mention, one more subject of the same verb; the verb that
# follows it (a permission, a modal) is the mention's too.
CONJOINED_CNS = guarded(
    r"^\s*,?\s*(?:and/or|or|and|as well as|plus|,)\s+"
    r"(?:(?!(?:are|is|was|were|may|can|could|must|should|will|shall|that|which|who|if|unless)\b)[\w-]+\s+){0,3}?"
    rf"(?:{OTHER_CNS_CONDITION.pattern.pattern})(?:\s+(?:disease|metasta\w*|carcinomatosis|involvement|spread))?"
    # "with asymptomatic CNS metastases or with previously treated brain metastases may participate": a second group
    # of brain metastases joined by "or", one more subject of the same verb (JOINED_GROUP reads whom it names).
    rf"|^\s*,?\s*(?:and/or|or)\s+(?P<group>(?:(?!(?:are|is|was|were|may|can|could|must|should|will|shall|that|which"
    rf"|who|if|unless)\b)[\w-]+,?\s+){{0,4}}?){SITE}(?:\s*\([^()]{{1,12}}\))?\s+(?:metasta\w*|mets|lesions?)\b"
    # "Patients with treated, stable brain metastases, or with untreated asymptomatic lesions < 2 cm, may be eligible":
    # the second group names its lesions by a bare noun, the site of the first; never another organ's ("or liver
    # lesions") nor lesions placed elsewhere ("or lesions in the spine").
    rf"|^\s*,?\s*(?:and/or|or)\s+(?P<bare>(?:(?!(?:are|is|was|were|may|can|could|must|should|will|shall|that|which"
    rf"|who|if|unless|other|extra-?cranial|{_NEURO_SITE})\b)[\w-]+,?\s+){{0,4}}?)(?:lesions?|ones)\b"
    r"(?!\s+(?:in|of|at|on|outside|elsewhere)\b)",
    re.I,
)
# "Asymptomatic brain metastases are allowed without local treatment; symptomatic ones must be treated and stable":
# a clause after a semicolon whose subject is the other symptom state's metastases sets that group's own terms, never
# a condition of the first group's permission.
SYMPTOM_GROUP_CLAUSE = re.compile(
    r";\s*(?:(?:but|while|whereas|and)\s+)?(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?"
    r"(?P<state>(?:neurologic(?:al)?ly\s+|clinically\s+)?(?:a|non-?)?symptomatic)\s+"
    rf"(?:{SITE}\s+)?(?:metasta\w*|mets|lesions?|ones|disease)\b",
    re.I,
)
# "Asymptomatic brain metastases are allowed without prior local treatment", "... are permitted untreated": the state
# after the verb says how they may join (untreated), the subject of the permission, not a condition treated ones fail.
PERMITTED_UNTREATED = re.compile(
    r"^\s*,?\s*(?:are|is|will\s+be|may\s+be|can\s+be|be)\s+(?:also\s+)?"
    r"(?:allowed|permitted|eligible|acceptable|enrolled|included)\s+(?:(?:even\s+)?(?:while|when|if)\s+)?"
    r"(?:untreated|without\s+(?:any\s+)?(?:prior\s+|previous\s+)?(?:local\s+)?(?:treatment|therapy|radiotherapy"
    r"|radiation|irradiation|surgery|intervention))\b",
    re.I,
)
# "untreated CNS metastases that are < 1 cm, or with previously treated brain metastases ..., are eligible": the first
# group's own short relative clause of states or size, before a second group joined by "or".
LEADING_RELATIVE = re.compile(
    r"^\s*,?\s*(?:that|which)\s+(?:are|is|measure|remain)\s+(?:\d+\.\d+|[^,;.:()]){1,40}?"
    r"(?=\s*,?\s*(?:and/or|or)\s)",
    re.I,
)
# "stable brain metastases after radiosurgery or surgery, or with small untreated ones, can participate", "brain
# metastases treated with SRS or WBRT, or with ...": the first group's own phrase of its treatment or stability, with
# no verb, turn or clause end of its own, before the "or" that joins a second group (tried at each "or").
OWN_PHRASE = re.compile(
    r"\s*,?\s*(?!(?:and/or|or|and)\b)"
    r"(?:(?!\b(?:are|is|was|were|may|can|could|must|should|will|shall|unless|except|but|however|if|who|whose"
    r"|patients?|subjects?|participants?|excluded|allowed|permitted|eligible)\b)[^;.:()]){1,80}",
    re.I,
)
# "... or brain metastases that are stable after treatment, may participate": the joined group's relative clause, up to
# the verb the two groups share (a permission's or a modal's); never across a turn or a sentence.
JOINED_RELATIVE = re.compile(
    r"\s*,?\s*(?:that|which)\s+(?P<words>(?:(?!(?:unless|but|except|however)\b)[^;.:,()])"
    r"{1,80}?)\s*,?\s*(?=\b(?:may|can|could|will|shall|must|should|are\s+(?:allowed|permitted|eligible)"
    r"|is\s+(?:allowed|permitted|eligible))\b)",
    re.I,
)
# The negation before such a list, the list written as "x" for each condition, and the mention's own qualifiers.
NEGATED_LIST_BEFORE = re.compile(
    r"\b(?:no|without|absence of|free of|free from|not have|not had|negative for|no evidence of|no history of)\s+"
    r"x(?:\s*,\s*(?:(?:and/)?or\s+|and\s+)?x|\s+(?:and/or|or|and|nor)\s+x){0,4}\s*,?\s*(?:and/or|or|and|nor)\s+"
    r"(?:(?!(?:with|having|who|whose|but|have|has)\b)[\w-]+\s+){0,2}$",
    re.I,
)

# --- what a qualifier before or after "brain metastases" says: (treated_stable, active) verdicts
# How well a treatment was given ("not definitively treated"): said of the treatment, not of whether there was one.
_HOW_WELL = "definitively |adequately |appropriately |fully |completely |properly |sufficiently "
STRONG_ACTIVE = re.compile(
    r"\b(?:active|untreated|non-?treated|non-?irradiated|unirradiated|unresected|progressive|progressing|growing|new"
    r"|newly diagnosed|newly|untx['’]?d"
    r"|getting (?:worse|bigger)|worsening"
    # ("not definitively treated", "not adequately treated": the adverb is the treatment's, which treated, stable
    # metastases have had)
    rf"|not (?:yet )?(?:been )?(?:previously |{_HOW_WELL})?(?:treated|irradiated|tx['’]?d)"
    r"|not (?:yet )?(?:been )?(?:completed|received|undergone)"
    # "..., none previously treated", "none of which has been irradiated": every lesion untreated
    r"|none (?:of (?:which|them|these|the lesions) )?(?:has |have )?(?:yet )?(?:been )?(?:previously )?"
    r"(?:treated|irradiated|resected))\b",
    re.I,
)
# "uncontrollable" ones cannot be controlled (not amenable to treatment), which an untreated one need not be.
# "Recurrent brain metastases": ones that came back after treatment; new, untreated ones are not said to be.
WEAK_ACTIVE = re.compile(r"\b(?:unstable|not stable|uncontrollable|recurrent|recurring|relapsed|relapsing)\b", re.I)
# "stable for <4 weeks", "stable for less than 28 days", "not stable for at least 1 month": a stability window not yet
# reached, the complement of "stable for at least 4 weeks". Untreated (active) metastases have no stability to count
# (as "unless stable for at least 4 weeks" leaves them out); treated, stable ones are taken to meet the window (time
# windows never exclude).
SHORT_STABILITY = re.compile(
    r"\bstable\s+for\s+(?:(?:less|fewer|shorter)\s+than|under|<|≤|<=)\s*(?:\d{1,3}|one|two|three|four|six|eight|twelve)"
    r"\s*(?:days?|weeks?|wks?|months?)\b"
    r"|\bnot\s+(?:been\s+)?(?:radiologically\s+|radiographically\s+)?stable\s+for\s+"
    r"(?:at\s+least|a\s+minimum\s+of|≥|>=|>)?\s*"
    r"(?:\d{1,3}|one|two|three|four|six|eight|twelve)\s*(?:days?|weeks?|wks?|months?)\b",
    re.I,
)
# "Uncontrolled brain metastases": untreated or progressing ones are not under control (an exclusion's own words;
# "unstable" may be defined by a need for urgent treatment, which untreated ones need not have).
# (not "uncontrolled seizures" / "seizures that are not controlled": the seizures, a symptom, are what is uncontrolled)
UNCONTROLLED = re.compile(
    r"\b(?:uncontrolled|not (?:been )?(?:effectively |adequately |well )?controlled"
    r"|poorly controlled|not under control)\b"
    r"(?!\s+(?:seizures?|epilep\w*|convulsions?|symptoms?|headaches?|edema|oedema))"
    r"(?<!seizures that are not controlled)(?<!seizures which are not controlled)",
    re.I,
)
SYMPTOMS = re.compile(
    r"\b(?:symptomatic|symptoms?|neurologic(?:al)?ly unstable|steroid-dependent"
    # "with a neurological deficit", "associated with seizures": symptoms by name
    r"|neurologic(?:al)? deficits?|seizures?|convulsions?"
    # "requiring steroids", "that would require administration of whole brain radiotherapy"
    r"|(?:requir|need)\w* (?:[\w-]+ ){0,4}(?:steroids?|corticosteroids?|dexamethasone|anticonvulsants?|treatment"
    r"|therapy|intervention|radiotherapy|radiation|surgery|decompression|resection|neurosurgery)"
    # "receiving steroids above 10 mg daily"
    r"|(?:receiving|taking|on|use of) (?:[\w-]+ ){0,2}(?:steroids?|corticosteroids?|dexamethasone|anticonvulsants?))\b",
    re.I,
)
# "Symptomatic CNS metastases must have been treated ...", "Patients with neurologically symptomatic brain metastases
# are eligible once irradiated": a rule on those with symptoms; untreated or progressing ones need have none.
SYMPTOMATIC_SUBJECT = re.compile(
    r"(?<![\w-])(?<!not )(?<!non )(?:(?:neurologic(?:al)?ly|clinically)\s+)?symptomatic\b"
    r"|\bsteroid-dependent\b|\bneurologic(?:al)?ly unstable\b",
    re.I,
)
# "Any symptoms attributed to brain metastases must be stable for 4 weeks": the rule's subject is the symptoms, which
# an untreated metastasis may not cause at all; their stability is not the metastases'.
SYMPTOMS_OF = re.compile(
    r"\bsymptoms?\s+(?:[\w-]+\s+){0,2}?(?:attribut\w*|due|relat\w*|secondary|caused|resulting|from)\b[^.;]{0,12}$",
    re.I,
)
# "Brain metastases not amenable to radiosurgery or neurosurgery": ones that local treatment cannot control. Treated,
# stable metastases were treated; whether an active one is amenable the profile does not say.
_LOCAL_TREATMENT = (r"(?:local\w*|surg\w*|neurosurg\w*|resect\w*|radio\w*|radiation|irradiation|SRS|SBRT|WBRT"
                    r"|stereotactic|gamma|treatments?|therap\w*|interventions?|definitive)")
AMENABILITY = re.compile(
    rf"(?:\b(?:not|no longer)\s+(?:be\s+)?|\bnon-?)(?:amend?able|suitable|candidates?|appropriate|eligible|accessible)"
    rf"\s+(?:to|for)\s+(?:[\w-]+\s+){{0,3}}?{_LOCAL_TREATMENT}\b"
    # "not amenable to immunotherapy alone, resection or ...", "not amenable to osimertinib": whatever the treatment
    # named, metastases it cannot control; the words "not amenable to" say so by themselves.
    r"|\b(?:not|no longer)\s+(?:be\s+)?amend?able\s+(?:to|for)\s+\w"
    rf"|\b(?:unsuitable|ineligible|inappropriate)\s+for\s+(?:[\w-]+\s+){{0,3}}?{_LOCAL_TREATMENT}\b"
    r"|\b(?:cannot|can ?not|could not|unable to) be (?:treated|managed|controlled|resected|irradiated)\b",
    re.I,
)
SIZE = re.compile(r"\b(?:severe|multiple|large(?!r)|extensive|bulky|diffuse|numerous|more than \d)", re.I)
# "Any brain metastasis > 3 cm", "larger than 2 cm in diameter": a measured size no profile gives. Treated, stable ones
# are taken to fit (as the labels read lesion properties); whether an active one does is a question.
MEASURED_SIZE = re.compile(
    r"(?:[>≥]|\b(?:larger|greater|bigger|more) than|\bexceeding)\s*\d+(?:\.\d+)?\s*"
    r"(?:cm|mm|cc|centimet\w*|millimet\w*)\b"
    r"|[>≥]\s*\d",
    re.I,
)
# "a single brain metastasis amenable to radiosurgery or resection", "solitary brain metastasis suitable for surgery",
# "brain metastases all amenable to SRS": a subset (by count or by fitness for local treatment) the profile does not
# place the patient in or out of. (Negated amenability, "not amenable to ...", is AMENABILITY's.)
_CAN_BE_TREATED = (rf"(?<!\bnot )\b(?:can|could|may|will) (?:safely )?be (?:treated|managed|controlled|ablated)"
                   rf" (?:with|by|using)\s+(?:[\w-]+\s+){{0,3}}?{_LOCAL_TREATMENT}\b")
SUBSET = re.compile(
    rf"\b(?:single|solitary|sole|isolated|oligo-?\w*)\b(?!\s*(?:-|or)\s*(?:multiple|several|\d))"
    rf"|(?<!\bnot )(?<!\bnon-)(?<!\bnon )(?<!\bno longer )(?<!\bnot be )"
    rf"\b(?:amenable|suitable|candidates?|appropriate|eligible|accessible|operable|resectable)"
    rf"\s+(?:to|for)\s+(?:[\w-]+\s+){{0,3}}?{_LOCAL_TREATMENT}\b"
    rf"|(?<!\bnot )(?<!\bnon-)\b(?:resectable|operable)\b"
    # "if all brain lesions can be treated with stereotactic radiosurgery"
    rf"|{_CAN_BE_TREATED}",
    re.I,
)
# "can be treated with SRS": a treatment the lesions are fit for, not one they had.
CAN_BE_TREATED = guarded(_CAN_BE_TREATED, re.I)
# "small", "subcentimetre", "solitary", "up to 3": a size or count a permission is limited to.
SMALL = re.compile(r"\b(?:small|sub-?centimet\w*|single|solitary|few|up to \d)\b|[<≤]\s*\d", re.I)
# "within 5 mm of the optic chiasm", "adjacent to the optic nerves", "in an eloquent area": a site the profile does not
# give, like the brainstem; it narrows which metastases are meant, it does not take in all of them.
LOCATION = re.compile(
    r"\b(?:brainstem|brain stem|midbrain|pons|cerebell\w*|medulla|posterior fossa"
    r"|optic (?:chiasma?|nerves?|apparatus|pathways?|tracts?)|chiasma?"
    r"|eloquent (?:areas?|cortex|regions?|locations?))\b",
    re.I,
)
# Right after a mention: ", defined as ...", "(defined as ...)", "(i.e., ...)", ", that is, ...": what it means.
DEFINED_AS = re.compile(
    r"\s*[,(]\s*(?:defined\s+as|i\.\s?e\.,?|ie,?|that\s+is,|meaning)\s+(?P<words>[^;.()]{3,160})", re.I)
DEFINITION_OR = re.compile(r",\s*(?:and/)?or\s+", re.I)
# "previously treated brain metastases" (not "untreated", "not previously treated", "non-irradiated").
TREATED_BEFORE = re.compile(
    r"(?<![\w-])(?<!not )(?<!never )(?:previously\s+|already\s+|prior\s+)?(?:treated|irradiated|resected)\s*$", re.I)
# "... brain metastases (that) have previously been treated" with no way named after it.
BEEN_TREATED_AFTER = re.compile(
    r"\s{0,3}(?:(?:that|which)\s+)?(?:(?:have|has|had)\s+(?:previously\s+|already\s+)?been|were|was)\s+"
    r"(?:previously\s+|already\s+)?"
    r"(?:treated|irradiated|resected)\b(?!\s+(?:with|by|using|via)\b)", re.I)
# "brain metastases treated with whole brain radiotherapy": an exclusion of a past treatment.
TREATED_AFTER = re.compile(
    r"\s{0,3}(?:(?:that|which|who) (?:have|has) been |previously )?(?:treated|irradiated|resected)\b", re.I
)
# A clause after the mention that narrows which metastases are meant, in words no qualifier reads.
# "for whom resection is appropriate", "in whom radiotherapy is planned": a condition on the patient the profile does
# not give.
RESTRICTIVE_AFTER = re.compile(
    r"\s{0,3}(?:with|that|which|causing|measuring|involving|associated with|accompanied by|located|exceeding"
    r"|larger|greater|bigger|of more than|over|for whom|in whom|whose|for which|in which)\b|\s{0,3}[>≥]",
    re.I,
)
LEPTO_WITH = re.compile(
    rf"^\s*(?:combined with|accompanied by|associated with|with|plus)\s+(?:{LEPTO.pattern.pattern})", re.I
)
# "treated within 14 days", "tx'd < 2 wks prior", "irradiated in the last 4 weeks": a window after treatment, timing
# the profile does not give, so never an exclusion of treated, stable metastases.
RECENTLY_TREATED = re.compile(
    # "requiring (immediate) surgery within 4 weeks": a treatment still needed, not a recent one
    r"(?<!requiring )(?<!require )(?<!requires )(?<!required )(?<!needing )(?<!needs )(?<!need )"
    r"(?<!requiring immediate )(?<!requiring urgent )(?<!require immediate )(?<!require urgent )"
    r"\b(?:treated|tx['’]?d|irradiated|resected|radiotherapy|radiation|surgery)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:within|in the (?:last|past|previous)|less than|fewer than|<|≤|<=)\s*(?:the (?:last|past|previous)\s+)?"
    r"(?:\d+|one|two|three|four|six|eight|ten|fourteen|twenty|thirty)\s*(?:d|days?|wks?|weeks?|mo|mos|months?)\b"
    r"|\brecently (?:treated|irradiated|resected)\b",
    re.I,
)
# (family, treated_stable verdict, active verdict); families combine "and" as all-of, synonyms as one.
QUALIFIERS: list[tuple[re.Pattern[str], str, Verdict, Verdict]] = [
    (RECENTLY_TREATED, "recent", U, E),
    (STRONG_ACTIVE, "activity", E, X),
    (SHORT_STABILITY, "activity", E, X),
    (UNCONTROLLED, "activity", E, X),
    (WEAK_ACTIVE, "activity", E, U),
    (SYMPTOMS, "symptoms", E, U),
    (MEASURED_SIZE, "size", E, U),
    (SIZE, "size", U, U),
    (LOCATION, "location", E, E),
    (AMENABILITY, "amenability", E, U),
    (SUBSET, "subset", U, U),
]

# The words that open a list of examples ("including", "e.g.", "such as", "in particular", ...): one list for the
# three readings below.
_EXAMPLE_OPENERS = (r"(?:including|incl\.|in particular|particularly|especially|notably|e\.\s?g\.?|eg\.|such as"
                    r"|for example|for instance)")
# --- how a sentence treats the mention
# What "with or without" leaves open when it is the metastases' own status: symptoms, treatment, steroids.
_OPEN_STATUS = (r"(?:(?:(?:any|prior|previous|neurologic(?:al)?|clinical|local|symptomatic|steroid|corticosteroid"
                r"|whole[- ]brain|stereotactic|brain)\s+){0,3}"
                r"(?:symptoms?|treatment|therapy|radiotherapy|radiation|irradiation|surgery|resection|steroids?"
                r"|corticosteroids?|WBRT|SRS|SBRT|radiosurgery)\b"
                # "brain metastases with or without leptomeningeal disease": any of them, the meninges left open
                r"|(?:concurrent\s+|associated\s+)?(?:lepto-?\s?)?meningeal\s+(?:disease|metasta\w*|involvement|spread"
                r"|carcinomatosis))")
IGNORE_NEAR = guarded(
    r"rule out|ruled out|to exclude|to detect|to assess|to evaluate|used to treat|radiosensiti"
    # "Brain metastatic disease cannot be confidently excluded due to inability to receive contrast": a scan rule
    r"|can ?not be (?:\w+ )?(?:excluded|ruled out)"
    r"|target lesions?|non-target|cannot be used|can not be used|not be (?:used|selected|considered) as"
    r"|\b(?:for|in) (?:the )?(?:patients?|subjects?|participants?) with\b"
    r"|\bif (?:the |a )?(?:patients?|subjects?|participants?) (?:has|have)\b"
    # "Patients with or without brain metastases" names no rule; "brain metastases, with or without symptoms" is the
    # metastases' own status left open (NEUTRAL_STATUS), whatever it is.
    rf"|with(?: or |/)without(?! {_OPEN_STATUS})"
    # "regardless of PD-L1 or brain metastases" names no rule; "regardless of treatment" qualifies one.
    r"|(?:regardless|irrespective) of(?! (?:[\w-]+ ){0,3}?(?:treatment|therapy|symptoms?|stability)\b)"
    r"|not specified|no (?:upper )?limit",  # "the number of brain metastases is not specified"
    re.I,
)
# "asymptomatic and/or treated", "treated or asymptomatic": treated ones, or others (untreated) that are asymptomatic.
EITHER_TREATED = re.compile(
    r"\b(?:asymptomatic|stable|controlled)\s+(?:and/or|and or|or)\s+(?:previously\s+)?(?:treated|irradiated|resected)\b"
    r"|\b(?:treated|irradiated|resected)\s+(?:and/or|and or|or)\s+(?:neurologically\s+)?asymptomatic\b",
    re.I,
)
# "Brain metastases are assessed using the RANO-BM criteria.": how they are measured, the whole sentence; no rule.
ASSESSED_BY = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:metasta\w*|lesions?|disease)\s+(?:are|is|will be|should be|must be)\s+"
    r"(?:assessed|evaluated|measured|graded|followed|monitored)\s+(?:using|per|by|according to|with)\s+"
    r"(?:(?!\b(?:and|must|should|but|if|unless|only|not|or)\b)(?:\.\d|[^.;,])){1,40}?"
    r"\.?\s*$",
    re.I,
)
# "Brain metastases count towards the total number of lesions.", "CNS lesions are counted as one metastatic site",
# "Intracranial metastases are included in the maximum of 5 metastases": how a trial's limit on the number of lesions
# counts them (the disease rule's question), the whole sentence; no brain rule. Not a condition ("... only if treated").
COUNTED_IN = re.compile(
    r"^\W*(?:[\w()-]+\s+){0,3}?(?:metasta\w*|lesions?|disease|involvement|mets)\s+(?:(?:will|shall|do|does|should)\s+)?"
    r"(?:also\s+)?(?:count(?:s|ed)?|(?:are|is|will\s+be)\s+(?:also\s+)?(?:counted|included|considered|regarded)"
    r"|contribute[sd]?)\s+(?:as|towards?|in|into|to|against|within)\s+"
    r"(?:(?!\b(?:if|unless|provided|must|only|but|except|when)\b)[^.;]){0,60}?"
    r"\b(?:number|count|total|tally|limit|lesions?|sites?|metastas[ie]s|maximum)\b"
    r"(?:(?!\b(?:if|unless|provided|must|only|but|except|when)\b)[^.;]){0,30}\.?\s*$",
    re.I,
)
NEGATED_BEFORE = re.compile(
    r"\b(?:no|without|absence of|free of|free from|not have|not had|negative for|no evidence of|no history of"
    # "Lack of active brain metastases", "Not known to have untreated brain metastases"
    r"|lack(?:s|ing)?(?: of)?|devoid of|not known to (?:have|harbou?r))"
    # Its qualifiers may be a comma list: "No active, symptomatic, or untreated brain metastases".
    r"\s+(?:[\w-]+(?:,\s*(?:(?:and/)?or\s+)?|\s+)){0,4}$",
    re.I,
)
# "Absence or irradiated and stable CNS metastatic disease": an inclusion listing the states it accepts, absence first;
# the list is the whole of what it accepts.
ABSENCE_OR_BEFORE = re.compile(
    r"^\W*(?:(?:the\s+)?absence|absent|none)(?:\s+of)?\s*,?\s+or\s+(?P<states>[^;:.]{0,70})$", re.I)
# "therapy for brain metastases", "symptoms attributed to brain metastases": the mention is an object.
OBJECT_BEFORE = re.compile(
    r"\b(?:therapy|treatment|radiotherapy|radiation|irradiation|surgery|radiosurgery|SRS|SBRT|resection"
    r"|steroids?|corticosteroids?|symptoms?|complications?|control|management|edema|oedema|seizures?)\s+(?:[\w-]+\s+)?"
    r"(?:for|of|to|from|attributed to|due to|related to|caused by|associated with|secondary to)\s+"
    # "radiotherapy for bone metastasis or brain metastasis": another site's lesions before it in an "or" list.
    r"(?:(?:[\w-]+\s+){0,2}(?:metastas[ie]s|lesions?|disease)\s+(?:or|and/or)\s+)?"
    # "resection of one single CNS metastasis": a count or article between the treatment and its object.
    r"(?:(?:the|their|known|a|an|one|1|single|solitary|isolated)\s+){0,3}$",
    re.I,
)
# "Patients requiring immediate local therapy for brain metastases": a present need, not a past treatment.
NEED_BEFORE = re.compile(
    r"\b(?:requir\w*|need\w*|in need of|candidates? for|indicat\w* for|eligible for)\s+(?:[\w-]+\s+){0,3}$", re.I
)
# "Prior chemotherapy or surgery for NSCLC (an exception is the resection of one CNS metastasis)": CNS words that
# sit only in an exception (or an allowance in brackets) of a rule about treatment or other metastases set no brain
# rule. EXCEPT_OPENER starts such an exception; RULE_SUBJECT is what the rule before it must be about.
EXCEPT_OPENER = guarded(
    r"\b(?:except(?:ions?)?|excluding|other than|apart from|aside from|save for|unless|with the exception)\b", re.I)
ALLOWANCE = re.compile(
    r"\b(?:except\w*|excluding|other than|allowed|permitted|acceptable|eligible|exempt\w*)\b", re.I)
RULE_SUBJECT = re.compile(
    r"\b(?:prior|previous\w*|history of|received|therap\w*|treatments?|chemo\w*|radio\w*|radiation|irradiation"
    r"|surgery|surgical|resections?|operations?|procedures?|metasta\w*)\b",
    re.I,
)
RULE_SITE = guarded(
    r"\b(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?|spinal cord|(?:lepto-?\s?)?meninge\w*)\b",
    re.I)
# "...; no active infection", "...; no other serious illness requiring treatment": a clause after a semicolon that
# opens with a negation and whose first words name nothing of the metastases (their site, their state, symptoms,
# steroids, a treatment or a scan) is another rule run on in the same bullet, not a condition of the permission.
NEGATED_CLAUSE_HEAD = re.compile(r"^\s*(?:no|not|without|must not have|has no|have no)\s+((?:[\w-]+\s*){1,3})", re.I)
METASTASIS_WORD = guarded(
    r"\b(?:brain|cerebral|intra-?cranial|cns|central|spinal|(?:lepto-?\s?)?meninge\w*|metasta\w*|lesions?|mets"
    r"|steroids?|corticosteroids?|dexamethasone|symptom\w*|neurolog\w*|seizures?|anticonvulsants?|antiepilep\w*"
    r"|progress\w*|stable|stability|growth|new|enlarg\w*|edema|oedema|mass|midline|hemorrhag\w*|haemorrhag\w*"
    r"|radio\w*|radiation|irradiat\w*|surg\w*|neurosurg\w*|resect\w*|SRS|SBRT|WBRT|stereotactic|gamma|local"
    r"|treat\w*|therap\w*|interventions?|evidence|signs?|MRI|CT|imaging|scans?|further|more"
    r"|larger|greater|change\w*|increas\w*|worsen\w*)\b",
    re.I,
)
# A rule about a scan the patient cannot have ("contraindication to MRI", "unable to undergo brain MRI", "allergy to
# gadolinium contrast", "claustrophobia").
IMAGING_RULE = re.compile(
    r"\b(?:MRI|MR imaging|magnetic resonance|CT scans?|computed tomography|contrast(?:\s+(?:agents?|media|medium))?"
    r"|gadolinium|imaging|scans?|claustrophob\w*|pacemakers?)\b",
    re.I,
)
# "in the investigator's judgement", "in the opinion of the physician", "would make participation unsafe".
JUDGEMENT = re.compile(
    r"\b(?:in the (?:\w+['’]s? )?(?:judge?ment|opinion|view)|(?:investigator|physician|clinician|doctor)s?['’]?s?"
    r" (?:judge?ment|opinion|discretion)|make[s]? (?:[\w-]+ ){0,3}unsafe|would (?:make|interfere|compromise|prevent))",
    re.I,
)
TREATMENT_OBJECT = re.compile(
    r"^(?:therapy|treatment|radiotherapy|radiation|irradiation|surgery|radiosurgery|SRS|SBRT|resection)", re.I
)
NOT_ALLOWED = re.compile(
    r"\b(?:(?:not|cannot|can['’]t) (?:be )?(?:eligible|allowed|permitted|enrol\w*|included|participate|take part"
    r"|join)|ineligible)\b",
    re.I,
)
# ", including untreated or progressing lesions," between the mention and its verb: which metastases the rule reaches
# (a permission of those too), read past to find the verb ("... are eligible").
INCLUDING_ASIDE = re.compile(r"\s*,\s*(?:including|incl\.|even|whether)\b[^,;.]{0,80},", re.I)
PERMIT_AFTER = re.compile(
    r"^[^;]{0,40}?\b(?:are|is|will be|may|can|could|were|shall|be)\b[^;]{0,30}?"
    r"\b(?:allowed|permitted|eligible|enrolled|enroll?|included|participate|considered|admitted|acceptable|join"
    r"|take\s+part)\b"
    r"|^\s{0,3}(?:allowed|permitted|acceptable|ok|okay)\b"  # "brain metastases allowed if treated", "... mets OK"
    # "Untreated brain metastases are not excluded", "... do not exclude the patient": a ban denied lets them in
    rf"|^[^;]{{0,40}}?\b{NOT_SHUT_OUT}"
    # "Patients whose brain metastases have been resected or irradiated and remain stable can be enrolled": the
    # subject's own clause runs long before its verb, a modal with a verb of joining (never "may not", "cannot"). Only
    # a relative clause of the mention's own, with no turn ("unless", "but") or another group in it.
    # (a size may come first: "untreated brain metastases <= 1 cm that need no local therapy may be enrolled")
    # ("... who are clinically stable and off steroids for 2 weeks may be eligible": the patients' clause, the same)
    r"|^\s{0,2}(?:(?:[<>≤≥]=?|up\s+to|smaller\s+than|less\s+than)\s*\d+(?:\.\d+)?\s*(?:cm|mm)\b\s*,?\s*"
    r"(?=that|which))?"
    # (or a reduced clause of a state: "brain metastases stable without need of steroid for 2 weeks may be enrolled")
    # (", or stable after treatment ..., may be enrolled": a second state of the same metastases, the same)
    r"(?:,?\s*(?:or|and)\s+(?=(?:clinically\s+|radiologically\s+|neurologically\s+|previously\s+)?(?:stable"
    r"|treated|irradiated|resected|asymptomatic|controlled)\b))?"
    r"(?:that|which|who|have|has|had|were|was|are|is|remain\w*|(?:clinically\s+|radiologically\s+"
    r"|neurologically\s+)?stable|(?:previously\s+)?(?:treated|irradiated|resected)|asymptomatic|controlled)\b"
    r"(?:(?!\b(?:unless|except|however|but|patients?|subjects?|participants?)\b)[^;.]){0,140}?"
    r"\b(?:may|can|could|will|shall)\s+(?:also\s+|still\s+)?(?:be\s+)?(?:enroll?(?:ed)?|participate"
    r"|take\s+part|join|included|eligible|allowed|permitted)\b"
    # "... brain metastases < 1 cm that do not require corticosteroids are eligible": a relative clause of plain
    # states (a size may come first) and a plain "are eligible". Not one with a modal ("that can be managed with
    # radiosurgery ... are allowed"): what it may become is a condition the permission does not settle.
    # ("Patients with treated brain metastases who are asymptomatic and off steroids for 4 weeks are allowed": the
    # patients' own clause of plain states, the same.)
    r"|^\s{0,2}(?:[<>≤≥]=?\s*\d+(?:\.\d+)?\s*(?:cm|mm)\b\s*,?\s*)?(?:that|which|who)\b"
    r"(?:(?!\b(?:unless|except|however|but|patients?|subjects?|participants?|may|can|could|might|would|will|shall)\b)"
    r"[^;.]){0,140}?\b(?:are|is)\s+(?:also\s+|still\s+)?(?:eligible|allowed|permitted|acceptable)\b",
    re.I,
)
CONDITION = re.compile(
    r"\b(?:if|provided|providing|as long as|given that|when|only|unless|except|must)\b", re.I
)
EXCEPTION_CUE = guarded(
    r"\b(?:unless|except|excluding|other than|with (?:the |some |a few |few |certain )?exceptions?"
    # "Active brain metastases, with exceptions per protocol", "(exceptions apply)": exceptions it does not spell out
    r"|exceptions? (?:may )?apply|however|provided|providing|as long as|only if"
    # "Brain metastases (exception: treated lesions stable for >= 4 weeks)": the exception spelled out after a colon
    r"|exceptions?(?=\s*[:\-–])"
    r"|if (?:they|the|patients?|subjects?|participants?)"
    r"|(?:may|can|could|will|shall) (?:be )?(?:enrolled|included|eligible|allowed|permitted|considered|admitted"
    # "(previously irradiated lesions that are stable are also allowed)": "also" / "still" between verb and permission
    r"|participate|enrol\w*)|(?:are|is|were) (?:(?:also|still) )?(?:eligible|allowed|permitted|acceptable)"
    # "... stable for 28 days can enter the group", "may join the study", (translated) "can into the group"
    r"|(?:may|can|could|will|shall) (?:be )?(?:enter\w*|join\w*|(?:put |taken )?into the (?:group|study|trial)))\b",
    re.I,
)
# An EXCEPTION_CUE that is a permission's verb, which follows whom it lets in ("treated ones are allowed").
PERMISSION_VERB = re.compile(r"(?:may|can|could|will|shall|are|is|were)\b", re.I)
# An inclusion's "Patients with brain metastases only if treated and stable": a permission with its verb left out.
ONLY_IF_AFTER = re.compile(r"^\s{0,3}(?:,\s*)?(?:are\s+)?only\s+(?:if|when|provided|after)\b", re.I)
# "Asymptomatic brain metastasis; must have completed radiotherapy/radiosurgery ... and be off steroids": the clause
# after the mention's that sets its conditions (a local treatment of the brain, stability or steroids).
MUST_NEXT = re.compile(
    r"^\s*[;,]\s*(?:and\s+)?(?:(?:patients?|participants?|subjects?|they|these)\s+)?(?:must|should|need to)\b"
    r"[^;.]{0,80}?\b(?:radio\w*|radiation|irradiat\w*|surgery|surgical|resect\w*|SRS|WBRT|stereotactic|gamma"
    r"|stable|stability|steroids?|corticosteroids?|dexamethasone)\b",
    re.I,
)
# "Participants are eligible if CNS metastases are adequately treated and ...": a permission before the mention, whose
# conditions follow it; an allowance in whichever section it is listed, not an exclusion of the metastases it names.
PERMIT_BEFORE = re.compile(
    r"\b(?:(?:are|is|will be|shall be|would be|remain)\s+(?:still\s+|also\s+)?(?:eligible|allowed|permitted|included"
    r"|enrolled|acceptable)|may\s+(?:still\s+|also\s+)?(?:be\s+(?:eligible|allowed|permitted|included|enrolled)|enrol\w*"
    r"|participate|join|take part))\s+(?:if|provided(?:\s+that)?|providing|when|as long as|only if)\s+"
    r"(?:(?!(?:no|not|without|never)\b)[\w-]+\s+){0,3}$",
    re.I,
)
# "Patients with measurable brain metastases must ...": the lesions say whom the sentence's rule is for.
WITH_SUBJECT = re.compile(
    r"^\W*(?:(?:the|all|any)\s+)?(?:patients?|subjects?|participants?|those)\s+(?:with|who\s+have)\s+$", re.I)
# "measurable intracranial disease is not required": no need of it.
NOT_REQUIRED_AFTER = re.compile(r"^[^;.]{0,30}?\b(?:is|are)\s+not\s+(?:required|necessary|mandatory|needed)\b", re.I)
# "Patients are eligible only if they have no brain metastases", listed as an exclusion: an inclusion's condition (the
# exclusion section's "no" would otherwise read as a double negative, no rule at all).
ELIGIBLE_IF_NONE = re.compile(
    r"\b(?:eligible|enrol\w*|participate|included|allowed|permitted)\s+(?:only\s+)?(?:if|when|provided(?:\s+that)?"
    r"|as\s+long\s+as)\s+(?:(?:they|patients?|subjects?|participants?)\s+)?(?:do(?:es)?\s+not\s+have|ha(?:ve|s|d)\s+no"
    r"|are\s+free\s+of|show\s+no)\s+(?:(?:known|evidence\s+of|any)\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "Subjects with treated brain metastases are eligible (untreated brain metastases are ineligible) provided ...": an
# aside saying which ones are NOT let in; not one of the permission's conditions.
NEGATIVE_ASIDE = re.compile(
    r"\((?=[^()]{0,200}?\b(?:untreated|active|new|progressive|progressing|symptomatic|not (?:yet )?(?:been )?"
    r"(?:treated|irradiated))\b)[^()]{0,200}?\b(?:ineligible|excluded|not (?:be )?(?:eligible|allowed|permitted"
    r"|included|accepted|acceptable)|(?:are|is) not)\b[^()]{0,40}\)",
    re.I,
)
# "Brain metastases must ...", and "New asymptomatic brain metastases detected at the screening scan must be <= 1 cm":
# the subject's own participle or relative clause may run on before its modal, within the clause (no "." or ";").
MUST_AFTER = guarded(
    r"^[^;]{0,30}?\b(?:must|should|need to|needs to|(?:are|is) required to)\b"
    r"|^[^;.]{0,100}?\b(?:must|should|need to|needs to|(?:are|is) required to)\b",
    re.I,
)
# "NSCLC (including patients with asymptomatic brain metastases)": an aside, not a rule.
INCLUDING_BEFORE = re.compile(r"\bincluding\b[^.;]{0,40}$", re.I)
# The opener of an example list after a wider rule: "including (no) brain metastases", "in particular", "e.g.",
# "such as", "especially", in brackets or after a comma.
EXAMPLES_BEFORE = re.compile(
    r"\b" + _EXAMPLE_OPENERS
    + r"[,:]?\s+(?:(?:no|any|known|active|untreated|treated|symptomatic|asymptomatic|stable|or)\s+){0,3}$",
    re.I,
)
# An inclusion's wider ban before the list: "No evidence of extra-thoracic metastatic disease ..., including no brain
# metastases", "Free of distant metastases (e.g. brain ...)".
SPREAD_NEGATED_HEAD = re.compile(
    r"(?:^\W*|[:;]\s*|\b(?:must|should|patients?|subjects?|participants?|have|has|with)\s+)(?:no|without|absence of"
    r"|absent|free of|free from|not have|lack of|no evidence of|no sign of)\b", re.I)
# "... can be enrolled" / "are eligible" closing an inclusion about patients without the spread: the sentence's own
# verb, no exception (nothing follows it).
PLAIN_PERMIT_TAIL = re.compile(
    r",?\s*\b(?:(?:may|can|could|will|shall)\s+(?:be\s+)?|(?:are|is)\s+)(?:enrolled|included|eligible|allowed"
    r"|permitted)(?:\s+to\s+(?:enrol\w*|participate|join)(?:\s+(?:in\s+)?(?:the|this)\s+(?:study|trial))?)?\s*[.;]?\s*$",
    re.I,
)
# A bare site as an item of a wider spread's example list, borrowing "metastases" from the head: "Any distant
# metastasis, including CNS", "No distant metastases (e.g. brain, liver, bone)", "No extracranial or intracranial
# spread, e.g. to the brain". `list` is the items up to a bracket's close or the clause's end; each is read by
# BARE_SITE_ITEM, so "brain MRI", "CNS disorders" or "brain biopsy" name no metastasis.
BORROWED_SITE_LIST = re.compile(
    r"\b(?:metasta\w*|spread|dissemination|disseminated\s+disease|stage\s+iv|m1[abc]?)\b"
    r"(?P<head_rest>[^.;:()]{0,30}?)[,\s]*(?P<open>\()?\s*"
    r"(?P<opener>" + _EXAMPLE_OPENERS + r")[,:]?\s+(?P<list>[^.;:()]{1,80})",
    re.I,
)
BARE_SITE_ITEM = re.compile(
    r"^\s*(?:(?:and/or|and|or|nor)\s+)?(?:(?:to|in|into|involving|of)\s+)?(?:the\s+)?(?:no\s+|any\s+)?"
    r"(?:brain|cerebral|intra-?cranial|cns|central nervous system(?:\s*\(cns\))?|brain parenchyma)"
    r"(?:\s*\(cns\))?\s*$",
    re.I,
)
# An inclusion closing on a ban of its subject, the translated way ("Distant metastases (e.g. brain, bone) cannot be
# included", "... are not allowed to be enrolled"): its head is what it shuts out, as an exclusion's is.
BANNED_TAIL = re.compile(
    r"\)?\s*,?\s*(?:(?:are|is|will|shall|would)\s+)?(?:not|cannot|can['’]t)\s+(?:be\s+)?(?:eligible|allowed|permitted"
    r"|enrol\w*|included|accepted)(?:\s+(?:to|for)\s+(?:be\s+)?(?:enrol\w*|included|participat\w*|join\w*|entry)"
    r"(?:\s+(?:in|into)?\s*(?:the|this)\s+(?:study|trial))?)?\s*[.;]?\s*$"
    r"|\)?\s*,?\s*(?:are|is|will\s+be)\s+excluded(?:\s+from\s+(?:the|this)\s+(?:study|trial))?\s*[.;]?\s*$",
    re.I,
)
# What may follow such a list: nothing, a bracket's close, when or how it is seen ("on PET-CT", "at screening"), or
# an exception in so many words; anything else ("that requires radiotherapy", "are allowed") is a condition unread.
BORROWED_LIST_AFTER = re.compile(
    r"^[)\s,]*(?:$|[.;]|(?:on|by|at|per|as\s+(?:seen|assessed|shown)\s+(?:on|by))\s+[^,;()]{1,40}[.;]?\s*$"
    r"|(?:unless|except|other than|excluding|provided|providing|as long as)\b)",
    re.I,
)
BORROWED_ITEM_SEP = re.compile(r"\s*(?:,|/|\band/or\b|\bor\b|\band\b|\bnor\b)\s*", re.I)
# "Metastatic NSCLC (e.g. with brain metastases)", "Stage IV NSCLC, such as patients with CNS metastases": in an
# inclusion, an example of whom the trial takes, which widens the population and sets no brain rule.
POPULATION_EXAMPLE_BEFORE = re.compile(
    r"\b" + _EXAMPLE_OPENERS
    + r"[,:]?\s+(?:(?:patients?|subjects?|participants?|those|people|ones?|cases?)\s+)?(?:with|having)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
# What an exclusion's "including brain metastases" gives examples of: metastatic spread itself ("distant metastatic
# disease", "extrathoracic metastases", "stage IV / M1 disease"), said in the words just before "including".
SPREAD_HEAD = re.compile(r"\b(?:metasta\w*|spread|dissemination|stage\s+iv|m1[abc]?)\b[^.;:()]{0,30}\(?\s*$", re.I)
# A treatment or history word before it: the metastases are the treatment's object ("Prior radiotherapy ..."). Not
# the imaging that finds them ("clinical or radiologic evidence of metastatic disease, including brain metastases").
RULE_SUBJECT_TREATMENT = re.compile(
    r"\b(?:prior|previous\w*|history|received|therap\w*|treat\w*|radio(?!-?(?:log|graph))\w*|radiation|irradiat\w*"
    r"|surg\w*|resect\w*|chemo\w*)\b",
    re.I,
)
# "Symptomatic (treated or untreated) brain metastases": the treatment status is left open.
OPEN_WITH_OR_WITHOUT = re.compile(rf"\bwith(?: or |/)without {_OPEN_STATUS}", re.I)
# "treated or untreated", "untreated or previously treated", "whether treated or not": both states named as allowed.
# A comma before the "or" ("asymptomatic (untreated, or treated and stable)") joins the same two, unless a time
# window follows ("untreated, or irradiated in the last 3 weeks": two states a ban lists, not the status left open).
_NO_WINDOW = r"(?!\s*(?:with)?in\b|\s*(?:<|less|during|\d))"
TREATED_OR_NOT = re.compile(
    r"\b(?:treated|irradiated)\s*(?:or|and/or|/)\s*(?:untreated|non-?treated|not(?: treated)?)\b"
    r"|\b(?:untreated|non-?treated)\s*(?:or|and/or|/)\s*(?:previously )?(?:treated|irradiated)\b"
    r"|\b(?:treated|irradiated),\s*(?:or|and/or)\s+(?:untreated|non-?treated)\b"
    rf"|\b(?:untreated|non-?treated),\s*(?:or|and/or)\s+(?:previously )?(?:treated|irradiated)\b{_NO_WINDOW}"
    r"|\bwhether (?:or not )?(?:previously )?treated(?: or not)?\b",
    re.I,
)
NEUTRAL_STATUS = guarded(
    rf"{OPEN_WITH_OR_WITHOUT.pattern}|{TREATED_OR_NOT.pattern}"
    r"|\b(?:regardless|irrespective) of (?:[\w-]+ ){0,3}?(?:treatment|therapy|symptoms?|stability)\b"
    # "provided they were treated before randomization (if applicable)": treatment asked only of those who needed it,
    # so an untreated metastasis that needed none is not left out by it.
    r"|\b(?:(?:were|was|have been|has been|are|is|be)\s+)?(?:previously\s+)?(?:treated|irradiated|resected)"
    r"(?:\s+[\w-]+){0,4}?\s*,?\s*\(?\s*(?:if|where|when|as)\s+(?:clinically\s+)?(?:applicable|needed|necessary"
    r"|indicated|required|appropriate)\s*\)?",
    re.I,
)
# Whom a rule on stability is about, when that is the ones without symptoms ("Asymptomatic brain metastases must be
# stable"): a subgroup an untreated metastasis may belong to and be stable in, not a ban on untreated ones.
ASYMPTOMATIC = re.compile(
    r"\b(?:asymptomatic|non-?symptomatic|symptom-?free|without\s+(?:any\s+)?(?:neurologic(?:al)?\s+)?symptoms"
    r"|clinically\s+silent)\b",
    re.I,
)
# "Treated metastases without progression will be allowed" after a brain-metastasis exclusion: the
# site is not repeated, but the permission is about the same metastases.
BARE_PERMIT = guarded(
    r"\b(?:metasta\w*|lesions?)\b[^.;]{0,80}?\b(?:will|are|is|may|can|could|shall)\s+(?:(?:also|still)\s+)?(?:be\s+)?"
    r"(?:allowed|permitted|eligible|included|enrolled|accepted|considered)\b",
    re.I,
)
# "must have one of the following:" over sub-bullets: each sub-bullet is an alternative. "must have either:" too.
# "must meet ALL criteria of the following (a-d):", "must satisfy each criterion below:": a list that all hold.
ALL_OF = guarded(r"\b(?:all|each|every)\b(?:\s+\w+){0,3}?\s+(?:of\s+the\s+following|following|below)\b", re.I)
# "Note: the following are allowed:": a list of groups let in, each one enough.
FOLLOWING_ALLOWED = re.compile(
    r"\bthe following (?:\w+ )?(?:are|is|will be|may be) (?:also )?(?:allowed|permitted|eligible|acceptable)\b", re.I)
# "Brain metastases, with the following allowances:", "..., except for the following:": a ban whose own lead says
# the list under it holds its exceptions, each one a group let back in (as "the following are allowed:").
FOLLOWING_EXCEPTIONS = re.compile(
    r"\b(?:with|subject\s+to)\s+(?:the\s+following|these)\s+(?:\w+\s+)?(?:exceptions?|allowances?|exemptions?)\b"
    r"|\bexcept(?:\s+for)?\s+(?:the\s+following|as\s+follows)\b"
    r"|\bthe\s+following\s+(?:exceptions?|allowances?|exemptions?)\s+apply\b", re.I)
ONE_OF = guarded(r"\b(?:one|any|either) of the following\b|\bat least one of\b|\beither\s*:\s*$", re.I)
# A flat list item that chains on to the next ("untreated brain metastases >= 5 mm, or") or starts with "or".
ENDS_WITH_OR = re.compile(r"(?:\band/or|\bor)\W*$", re.I)
STARTS_WITH_OR = re.compile(r"^\W*(?:and/)?or\b", re.I)
# A bullet that opens with an exception to the bullet (or criterion) before it: "Except: patients with brain
# metastases that have been treated ...", "Exception: ...", "Unless ...".
EXCEPTION_START = re.compile(
    r"^\W*(?:except(?:ions?)?|exempt\w*|unless|excluding|with the exception of)\b", re.I)
# "Patients are excluded unless brain metastases are treated": the mention sits inside the exception.
EXCLUDED_UNLESS = re.compile(
    r"\b(?:excluded|ineligible|not (?:be )?(?:eligible|allowed|permitted|enrolled|included))\s+(?P<unless>unless)\b"
    r"[^.;]{0,60}$",
    re.I,
)
# "CNS disease other than treated, stable brain metastases", "Any intracranial pathology, excluding brain metastases
# treated with SRS": the brain metastases sit in the exception of a rule whose subject is CNS (or neurological) disease.
EXCEPTION_BEFORE = re.compile(
    r"\b(?:other than|except(?:ing)?(?:\s+for)?|excluding|apart from|aside from|save for|besides"
    r"|with the exception of)\s+[^;:.()]{0,60}$",
    re.I,
)
# The rule's subject: disease of a CNS site takes in brain metastases of any kind; a neurological disorder may not.
CNS_RULE_SUBJECT = re.compile(
    r"\b(?:cns|central nervous(?: system)?|intra-?cranial|brain|cerebral)\s+(?:\(cns\)\s+)?(?:disease|involvement"
    r"|patholog\w*|lesions?|abnormalit\w*|disorders?|conditions?)\b",
    re.I,
)
NEURO_RULE_SUBJECT = re.compile(r"\bneurolog\w*\s+(?:disease|disorders?|conditions?|illness\w*)\b", re.I)
# "No CNS disease other than ...": the rule's subject is negated, so an inclusion states it as an exclusion.
SUBJECT_NEGATED = re.compile(
    r"^\W*(?:(?:patients?|participants?|subjects?)\s+(?:must\s+)?(?:have\s+)?)?(?:no|without|absence of|free of"
    r"|not have|has no|have no)\b",
    re.I,
)
# "Prior radiotherapy (e.g., to brain metastases) within 2 weeks": the brain is an example of where a treatment with
# a time window was given, a washout and no brain rule.
EXAMPLE_BEFORE = re.compile(
    r"\b(?:e\.\s?g\.?|eg\.|i\.\s?e\.?|such as|for example|for instance|incl\.)[,:]?\s+(?:[\w-]+\s+){0,3}$", re.I)
WASHOUT_TREATMENT = re.compile(
    r"\b(?:radio\w*|radiation|irradiation|radiosurgery|SRS|SBRT|WBRT|surgery|resection|therapy|treatment)\b", re.I)
# "Except for the SCLC cohort, ...", "Other than in Part C (mesothelioma): ...": a group the rule leaves out.
EXCEPT_GROUP_LEAD = re.compile(
    r"^\W*(?:except|other than|excluding)\s+(?:for\s+|in\s+)?(?:the\s+|patients?\s+in\s+the\s+)?[^,:;]{1,60}?"
    r"\b(?:cohorts?|parts?|arms?|groups?|patients|participants)\b(?:\s*\([^()]{1,40}\))?\s*[,:]\s*", re.I)
IF_PATIENT = re.compile(r"\bif (?:the |a )?(?:patients?|subjects?|participants?) (?:has|have)\b", re.I)
# "must have a brain MRI within 28 days if they have a history of brain metastases": whom a scan is for
SCAN_IF_THEY = re.compile(r"\bif (?:they|patients?|subjects?|participants?) (?:has|have)\b[^.;]{0,60}$", re.I)
OR_WITH = re.compile(r"\bor (?:[\w-]+ ){0,3}with\b", re.I)
# "No CNS metastases or CNS metastases that are treated and stable": an alternative state follows "or".
OR_STATE = re.compile(
    r"\bor\b(?=[^.;]{0,80}?\b(?:treated|irradiated|resected|stable|asymptomatic|controlled)\b)", re.I
)

# --- conditions inside an exception
TREATED = guarded(
    r"\b(?:treated|tx['’]?d|irradiated|resected|completed|completion|previously treated"
    r"|complete[sd]? (?:the |their |all )?(?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|surgery)"
    r"|(?:after|following|post)[- ](?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|irradiation|surgery"
    r"|resection|radiosurgery)"
    r"|(?:received|undergone|underwent) (?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|surgery))\b",
    re.I,
)
NOT_ACTIVE = guarded(
    # "no active", "must not have evidence of active", "without any signs of progressive", "no radiological evidence
    # of new or enlarging" (a stability condition, not a mention of new metastases)
    r"\b(?:no|not|without|non-?)\s*(?:(?:have|has|show|shows|be)\s+)?(?:any\s+)?"
    r"(?:(?:(?:radiolog\w*|radiographic\w*|clinical|imaging|MRI)\s+)?(?:evidence|signs?) of )?"
    r"(?:active|progressive|progressing|untreated|untx['’]?d|new)\b"
    # "Subjects with clinically inactive brain metastases may be included": inactive is the "not active" in one word.
    r"|\b(?:clinically\s+|radiologically\s+|neurologically\s+)?inactive\b",
    re.I,
)
# "untx'd", "not yet treated": telegraphic and plain ways of saying untreated. "must not have been previously
# treated", "should never have been irradiated": the negated treatment with its auxiliaries (else "previously
# treated" alone was read, and the rule asked for treated metastases instead of untreated ones).
UNTREATED = guarded(
    r"\b(?:untreated|untx['’]?d|active|new|progressive|progressing|treatment-naive"
    # ("not been definitively treated", "not adequately treated": how well is a question of the treatment, which
    # treated, stable metastases have had; the adverb does not make them untreated)
    rf"|(?:not|never) (?:yet )?(?:(?:have|has|had) )?(?:yet )?(?:been )?(?:previously |yet |locally |{_HOW_WELL})?"
    r"(?:treated|tx['’]?d|irradiated|resected"
    r"|(?:received|undergone) (?:any )?(?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|surgery"
    r"|radiosurgery|resection)))\b",
    re.I,
)
# Untreated or new metastases named in an alternative ("newly found ones must be < 1 cm with no prior radiotherapy"):
# a size limit beside them may be theirs, not the treated ones'.
UNTREATED_GROUP = guarded(rf"{UNTREATED.pattern.pattern}|\bnewly\b|\b(?:no|without)\s+(?:prior|previous)\b", re.I)
FITS_TREATED_STABLE = guarded(
    r"\b(?:stable|stability|asymptomatic|controlled|without (?:any |neurologic\w* )?symptoms?|no (?:ongoing )?"
    r"(?:neurologic\w* )?symptoms?|(?:not|no) (?:\w+ ){0,2}(?:requir\w*|need\w*|ongoing requirement)"
    r"|off (?:\w+ )?(?:corticosteroids|steroids)|discontinued|no (?:evidence of )?(?:\w+ )?progression"
    r"|(?:managed|manageable|treatable) (?:with|by)|amenable to"
    r"|no longer (?:\w+ )?symptomatic"
    # "provided no immediate local therapy is required", "as long as no steroid treatment is needed": a need that
    # treated, stable metastases do not have now (as "not requiring ...").
    r"|\bno (?:[\w-]+ ){1,4}(?:is|are) (?:currently |presently |now )?"
    r"(?:requir\w*|need\w*|indicated|planned|anticipated)"
    # "if they recovered to grade 1 or baseline from the acute toxic effects of that treatment": recovery from the
    # treatment's side effects, which the labels assume done (like a time window), for treated, stable metastases.
    r"|recover\w*\b(?:[^.;]|\.\d){0,100}?\bfrom (?:the |any |all )?(?:acute )?(?:toxic\w*|adverse|side[\s-]effects?))",
    re.I,
)
# "stable", "radiologically stable", "stability": a condition an active (untreated or progressing) metastasis
# does not meet. Not "clinically" or "neurologically stable" (symptoms, which an untreated one may lack) nor
# "a stable dose of steroids" (the dose, not the metastases).
STABLE = guarded(
    r"(?<!clinically )(?<!neurologically )(?<!neurologic )(?<!hemodynamically )(?<!medically )"
    r"\b(?:stable|stability)\b"
    r"(?! (?:or (?:decreasing|reducing|tapering|lower) )?(?:[\w-]+ ){0,2}?(?:doses?|dosing|steroids?|corticosteroids?"
    r"|dexamethasone|prednisone|neurolog\w*|symptoms?|clinical\w*)\b)",
    re.I,
)
# "if patient's condition is stable", "in stable general condition": the patient's state, not the metastases'.
PATIENT_STABLE = re.compile(
    r"\b(?:condition|patients?|subjects?|participants?|(?:general|clinical|performance) status)\s+"
    r"(?:is|are|was|were|remains?|must be|should be|has been|have been)\s+(?:[\w-]+\s+)?stable"
    r"|\bstable (?:\w+ )?(?:condition|health|status)\b",
    re.I,
)
# The clause around "stable": an "or" there ("stable or not requiring treatment") offers another way in. One that
# lists imaging or the means of control ("controlled by radiotherapy or other treatment", "surgery or SRS") does not.
CLAUSE_PIECE = re.compile(r"[^();.]+")
OTHER_OR = re.compile(
    r"\b(?:and/)?or\b(?! (?:CT|MRI|PET|imaging|computed|magnetic)\b)(?<!\bCT or)(?<!\bMRI or)"
    r"(?! (?:any |an? )?(?:other |another )?(?:local |surgical |systemic )?(?:treatments?|therap(?:y|ies)|radiotherapy"
    r"|radiation|irradiation|surgery|resection|radiosurgery|SRS|SBRT|WBRT|stereotactic|whole[\s-]brain)(?![\w-]))",
    re.I,
)
# The exclusion's own subject is untreated metastases: "Untreated brain metastases, unless stable" lets untreated,
# stable ones in, so "stable" there does not rule out an active patient.
UNTREATED_SUBJECT = re.compile(
    r"\b(?:untreated|untx['’]?d|non-?treated|non-?irradiated|treatment-na[iï]ve|not (?:yet )?(?:been )?(?:previously )?"
    r"(?:treated|tx['’]?d|irradiated|received|undergone))\b",
    re.I,
)
STATUS_AFTER_OR = re.compile(
    # "unless treated, or are asymptomatic": the alternative's verb may be repeated.
    # ("..., or have been treated and are stable": the verb in the perfect, the same)
    r"\bor (?=(?:(?:they |these |it )?(?:are|is|were|remain|remains|(?:have|has|had) been|have|has) )?"
    r"(?:the |those |patients? |subjects? |participants? |with |who |if )?"
    r"(?:treated|untreated|asymptomatic|symptomatic|stable|active|previously|patients?|subjects?|participants?"
    # ("or with resected ones", "or with new asymptomatic lesions")
    r"|those|who|if|irradiated|resected|(?:new|small)\s+(?:untreated|asymptomatic))\b)"
    # "asymptomatic CNS metastases or CNS metastases treated with radiation that are clinically stable": the site said
    # again with its own state opens a second group.
    r"|\bor (?=(?:brain|cns|central nervous system|intracranial|cerebral)\s+"
    r"(?:metastases|metastasis|lesions?|mets|disease)"
    r"\s+(?:(?:that|which|who)\s+(?:are|is|have\s+been|has\s+been)\s+|previously\s+)?(?:treated|untreated|irradiated"
    r"|resected|asymptomatic|stable|active)\b)"
    # "... untreated ones < 1 cm are eligible, as are patients with treated, stable brain metastases": a second group
    r"|\bas (?:are|is|were|well as) (?=(?:the |those |also )?(?:patients?|subjects?|participants?|those|people)\b)",
    re.I,
)

# --- requirements and other rules
HEADER_REQUIRES = re.compile(
    rf"\b(?:with|and|harbou?ring|having|plus|accompanied by|complicated (?:with|by)|for|in)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{SITE}\s+(?:metasta\w*|mets)\b",
    re.I,
)
HEADER_LEPTO = guarded(
    r"\b(?:with|and|harbou?ring|having|for|in)\s+(?:[\w-]+\s+){0,2}?(?:lepto-?\s?meningeal|soft meningeal|meningeal)"
    r"\s+(?:metasta\w*|carcinomatosis|disease)",
    re.I,
)
WITH_OR_WITHOUT = re.compile(r"\bwith or without\b|\bwithout\b", re.I)
# "brain metastases (BM) cohort", "brain metastasis arm": the mention names a group of the trial.
GROUP_NAME_AFTER = re.compile(
    r"\s*(?:\([A-Za-z]{1,6}\)\s*)?(?:cohorts?|arms?|groups?|parts?|modules?|sub-?stud(?:y|ies)|expansions?)\b", re.I
)
# What may follow a group's name in a heading: "(Part D):", " only:", ":".
HEADING_REST = re.compile(r"[^.;:()]{0,20}(?:\([^()]{0,30}\)\s*)?:\s*$")
# "Patients with or without brain metastases may be enrolled", "regardless of brain metastasis status": both taken.
EITHER_STATE_TAKEN = guarded(
    rf"\b(?:with(?: or |/)without|regardless of(?: the)?(?: presence of)?)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{SITE}\s+(?:metasta\w*|mets|lesions?)\b",
    re.I,
)
# "Prophylactic cranial irradiation for prevention of brain metastases": a trial for patients without them.
PREVENTION = re.compile(r"\b(?:prevent\w*|prophyla\w*|risk|incidence|delay\w*|reduc\w*|free|development)\b", re.I)
CONDITION_NAME = re.compile(rf"^\s*{SITE}\s+(?:metasta\w*|mets)\b", re.I)
MUST_HAVE = guarded(r"\b(?:must have|required to have|must present with|at least (?:one|1)\b)", re.I)
WITH_BEFORE = re.compile(r"\b(?:with|and|harbou?ring|having)\s+(?:[\w-]+\s+){0,3}$", re.I)
EXCLUDED_AFTER = re.compile(
    r"\s{0,3}(?:" + SHUT_OUT +
    r"|not (?:allowed|permitted|eligible)"
    # "... must not be enrolled", "may not participate", "cannot be included", "should not be present"
    r"|(?:must|may|should|will|shall|can)\s*not\s+(?:be\s+)?(?:enrol\w*|included|eligible|allowed|permitted|present"
    r"|participate|take part)|cannot\s+(?:be\s+)?(?:enrol\w*|included|participate|take part))\b",
    re.I,
)
# "Brain metastases are allowed if treated; untreated ones are not allowed", "..., but untreated brain metastases are
# excluded": a clause of its own, after a turn, whose subject is the untreated ones and whose verb shuts them out, with
# nothing after it in the clause ("... are not allowed unless asymptomatic" is a permission).
_UNTREATED_ONES = (r"(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?"
                   r"(?:untreated|unirradiated|non-?irradiated|active|progressing|progressive)"
                   rf"(?:\s+(?:and/or|or)\s+symptomatic)?\s+(?:{SITE}\s+)?(?:metasta\w*|mets|lesions?|ones)")
UNTREATED_BANNED = guarded(
    r"(?:[;.]|,?\s*\b(?:but|while|whereas|however)\b,?)\s*(?:(?:but|however|while|whereas)\b,?\s*)?"
    + _UNTREATED_ONES + r"\s*(?:"
    + EXCLUDED_AFTER.pattern[len(r"\s{0,3}"):] +
    r"|(?:are|is|may)\s+not\b)(?=\s*(?:[.;)]|$))",
    re.I,
)
# "Symptomatic brain metastases are excluded; asymptomatic ones are allowed only after radiosurgery": the clause about
# the ones without symptoms lets them in only once treated, so untreated ones are out whatever their symptoms.
ASYMPTOMATIC_ONLY_TREATED = re.compile(
    r";\s*(?:but\s+|while\s+|whereas\s+)?(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?"
    rf"(?:a|non-?)symptomatic\s+(?:{SITE}\s+)?(?:metasta\w*|mets|lesions?|ones)\s+(?:are|is|will\s+be|may\s+be)\s+"
    r"(?:allowed|permitted|eligible|acceptable|included)\s+only\s+(?:if|after|when|once|following|provided)\s+"
    r"(?:(?:they|these|it)\s+(?:have|has)\s+been\s+|(?:they|these|it)\s+(?:are|were|was)\s+)?"
    r"(?:previously\s+|definitively\s+|locally\s+|adequately\s+)?"
    r"(?:treated|irradiated|resected|(?:stereotactic\s+)?radiosurgery|SRS|radiotherapy|radiation|surgery|resection"
    r"|local\s+(?:therapy|treatment))\b"
    r"(?![^;.]*\b(?:untreated|unless|except|or)\b)",
    re.I,
)
# "active brain metastases, or stable treated ones": a state named straight after "or".
OR_ALTERNATIVE_STATE = re.compile(
    r"\bor\s+(?:[\w-]+\s+){0,3}?(?<!not )(?:treated|irradiated|resected|stable|asymptomatic|controlled)\b", re.I
)
# "..., or brain or pia mater disease found on CT or MRI during screening": a second alternative of an exclusion
# that names any brain disease seen on imaging, whatever its activity.
_IMAGED_SITE = (r"(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?)"
                r"(?:\s+(?:or|and|and/or|/)\s+(?:pia mater|pial|meninges|meningeal|leptomeningeal|spinal cord))?")
_IMAGED_NOUN = r"(?:diseases?|lesions?|involvement|metasta\w*)"
_IMAGING = r"(?:CT|MRI|imaging|scans?|screening|radiograph\w*|radiolog\w*|computed tomography|magnetic resonance)"
IMAGED_ALTERNATIVE = re.compile(
    rf"\bor\s+(?:with\s+)?(?:any\s+)?(?:evidence of\s+)?{_IMAGED_SITE}\s+{_IMAGED_NOUN}\s+"
    rf"(?:(?:found|detected|seen|identified|shown|revealed|visible|demonstrated|evident|documented|confirmed|observed)"
    rf"\s+)?(?:in|on|by|at|during)\s+(?:[\w-]+\s+){{0,3}}?{_IMAGING}\b"
    # "or imaging CT or MRI screening for brain or pia mater disease"
    rf"|\bor\s+(?:[\w-]+\s+){{0,3}}?(?:CT|MRI|imaging)\s+(?:[\w-]+\s+){{0,3}}?(?:for|of|showing|revealing)\s+"
    rf"{_IMAGED_SITE}\s+{_IMAGED_NOUN}",
    re.I,
)
IF_ANY = re.compile(r"\b(?:if|when|where) (?:any|present|applicable|known|existing|they exist)\b", re.I)
# "Advanced NSCLC including patients with brain metastases": the title allows them, it does not ask for them.
ALSO_BEFORE = re.compile(r"\b(?:includ\w*|allow\w*|permit\w*|also|even|regardless)\b[^.;:]{0,35}\b(?:with|and)\s", re.I)
REQUIRED_AFTER = re.compile(r"\s{0,3}(?:(?:are|is) required|must be present|(?:are|is) mandatory)\b", re.I)
MUST_PARENT = re.compile(r"\b(?:must|shall|required to)(?: have| meet| present with)?[^.:;]{0,30}:\s*$", re.I)
UNTREATED_TARGET = guarded(
    r"\b(?:untreated|not (?:yet )?(?:been )?(?:undergone|received|treated|irradiated)|no prior (?:local|radio)"
    r"|previously untreated|never (?:been )?(?:treated|irradiated)"
    # "5 to 15 brain metastases, none of which has been treated before"
    r"|none of (?:which|them|the lesions) (?:has|have) (?:yet )?(?:been|received|undergone) (?:previously )?"
    r"(?:treated|irradiated|resected|local))",
    re.I,
)
INTRACRANIAL_LESION = guarded(rf"\b{SITE}\s+(?:target |measurable )?(?:lesions?|metasta\w*)", re.I)
UNTREATED_LESION = guarded(
    # (a size or count aside may come between: "intracranial lesion (>= 5 mm) that has not been previously treated";
    # the verb may be a modal: "at least one intracranial lesion must not have been treated with local therapy")
    rf"\b{SITE}\s+(?:target |measurable )?(?:lesions?|metasta\w*)\s+(?:\([^()]{{1,40}}\)\s*,?\s*)?"
    rf"(?:that |which )?(?:has |have |is |are |must |should |shall )?"
    rf"(?:not (?:yet )?(?:have )?(?:been )?(?:previously )?(?:treated|irradiated|undergone)|untreated"
    rf"|never (?:been )?(?:previously )?(?:treated|irradiated))"
    rf"|\b(?:untreated|previously untreated|non-irradiated) (?:target |measurable )?{SITE}\s+(?:lesions?|metasta\w*)",
    re.I,
)
PRIOR_BRAIN_RT = guarded(
    r"\b(?:prior|previous(?:ly)?|history of|received|had|underwent)\b[^.;]{0,40}?"
    r"(?:\b(?:brain|cranial|intra-?cranial|cns)\s+(?:radiation|radiotherapy|irradiation|radiosurgery)"
    r"|\b(?:radiation(?: therapy)?|radiotherapy|irradiation) (?:to|of) the (?:brain|head)\b)",
    re.I,
)
# An inclusion that states the disease as a fact to be documented: "Documented brain metastases (treated or
# untreated)", "Radiologically confirmed leptomeningeal disease", "NSCLC with MRI-proven brain metastases". The
# words before the mention may only be such words; one of them, or "confirmed by ..." after it, must say so.
_PLAIN_WORD = (
    r"(?:radiologic\w*|radiographic\w*|histologic\w*|cytologic\w*|pathologic\w*|clinical\w*|mri|ct|imaging"
    r"|newly|documented|confirmed|proven|diagnosed|diagnosis of|presence of|evidence of|identification of"
    r"|measurable|at least one"
    r"|known|active|untreated|treated|stable|asymptomatic|symptomatic|progressive|progressing|new|parenchymal"
    r"|stage iv|advanced|metastatic|recurrent|nsclc|non-small[\s-]cell lung (?:cancer|carcinoma)|lung cancer"
    r"|lung|squamous|non-?squamous|carcinoma|adenocarcinoma|with|and|or|by|a|an|the|one|or more)"
)
PLAIN_PREFIX = re.compile(
    rf"\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|having|who have|must have"
    rf"|(?:who (?:are|were|have been)\s+)?diagnosed (?:with|as))\s+)?"
    rf"(?:{_PLAIN_WORD}(?:[\s,/-]+|$)){{0,8}}",
    re.I,
)
# "Stage IV NSCLC with brain metastases": the cancer the trial is for, named with its brain metastases.
CANCER_WITH = re.compile(
    r"\b(?:nsclc|lung cancer|lung carcinoma|adenocarcinoma)\s+with\s+(?:[\w-]+\s+){0,2}$", re.I)
DOCUMENTED = re.compile(
    r"\b(?:documented|confirmed|proven|diagnosed|diagnosis of|presence of|evidence of|identification of)\b", re.I)
MENTION_NOUN = re.compile(r"\s*(?:metasta\w*|disease|carcinomatosis|involvement|spread|mets)\b", re.I)
DOCUMENTED_AFTER = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:(?:as |that (?:is|are|was|were) |which (?:is|are) )?(?:confirmed|documented"
    r"|proven|diagnosed|detected|seen|visible|demonstrated)\b"
    # "on contrast-enhanced MRI", "by gadolinium brain MRI": a few words may say which scan
    r"|(?:on|by) (?:[\w-]+\s+){0,3}?(?:MRI|CT|imaging|CSF|cerebrospinal)\b)",
    re.I,
)
# An inclusion counting brain lesions from one up, or asking for a measurable one: "MRI showing >= 3 brain lesions",
# "1-4 brain metastases", "at least one measurable intracranial lesion", "a measurable lesion in the brain". A cap
# ("up to 3", "<= 3", "0-3 brain metastases") is no requirement.
_COUNT_WORD = r"(?:one|two|three|four|five|[1-9]\d*)"
_COUNT_UP_TO = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                r"|seventeen|eighteen|nineteen|twenty|[1-9]\d*)")
# ("between 2 and 8 intracranial lesions", "from 1 to 10 brain metastases", "1 through 4": a range, as "2-8")
_COUNT_FROM = (rf"(?:[≥>]\s*[1-9]\d*|\bat least {_COUNT_WORD}|\b[1-9]\d*\s*(?:-|–|to|through)\s*[1-9]\d*"
               rf"|\b(?:between|from)\s+{_COUNT_WORD}\s+(?:and|to|-|–)\s+{_COUNT_UP_TO}"
               rf"|\b(?:one|two|three|four|five) to {_COUNT_UP_TO}"
               rf"|\b{_COUNT_WORD} or more)")
_BRAIN_LESION = (rf"(?:{SITE}\s+(?:lesions?|metasta\w*|mets|tumou?rs?|foci)"
                 r"|(?:lesions?|tumou?rs?|metasta\w*) (?:in|of|within) the"
                 r" (?:brain|cns|central nervous(?: system)?)\b)")
_COUNT_MARK = re.compile(r"[1-9≥>]")
# A count any patient with brain metastases meets: one lesion ("at least one", "1 or more", ">= 1"), or a measurable
# one. Not "> 1" (two or more).
ONE_LESION = re.compile(r"(?:at least (?:one|1)|(?:one|1) or more|(?:≥|>=)\s*1|>\s*0|measurable)\b", re.I)


class _Counts(Guarded):
    """BRAIN_LESION_COUNT's needle check: its pattern names no needle (a count may be a symbol), but every match
    holds a count (a digit 1-9, "≥" or ">", or a count word) or "measurable". The regex is slow (no literal to
    skip ahead to, under IGNORECASE): most sentences about brain lesions give no count and are spared it."""

    _words = ("one", "two", "three", "four", "five", "measurable")

    def possible(self, text: str) -> bool:
        if _COUNT_MARK.search(text):
            return True
        low = folded(text)
        return any(word in low for word in self._words)


BRAIN_LESION_COUNT = _Counts(re.compile(
    # (The lookahead names the characters a match can start with, as BRAIN_METS's does.)
    # "Five to fifteen (5-15) brain metastases": the count said again in figures
    rf"(?=[1-9≥>aotfmb])(?:{_COUNT_FROM}\s+(?:\(\s*[\d\s\-–]{{1,9}}\)\s+)?(?:(?:measurable|evaluable|target|untreated|previously|non-?irradiated|unirradiated|intact|new"
    rf"|newly|diagnosed|(?:intra-?)?parenchymal|active|distinct|discrete|separate|symptomatic|asymptomatic),?\s+){{0,3}}"
    rf"{_BRAIN_LESION}"
    # "measurable intracranial disease (at least one lesion >= 10 mm)": disease in the brain that can be measured
    rf"|\bmeasurable\s+(?:[\w-]+\s+){{0,2}}?(?:{_BRAIN_LESION}|{SITE}\s+disease\b))",
    re.I,
))
# "Measurable CNS lesions >= 10 mm must be captured as intracranial RECIST target lesions": the lesions are the subject
# of how they are recorded (target, non-target; RECIST, RANO), which is no requirement to have them. Read on the
# words after the lesions, up to the main verb; "a lesion that can be followed as a target lesion is required" keeps
# its own verb (a relative clause, then "required").
RECORDING_AFTER = re.compile(
    r"^[^;.:]{0,40}?\b(?:must|should|shall|will|may|can|are to|is to|are|is)\s+(?:also\s+|then\s+)?(?:be\s+)?"
    r"(?:captured|recorded|documented|selected|chosen|followed|tracked|assessed|evaluated|measured|reported|designated"
    r"|identified|included|considered|counted|used|classified|categori[sz]ed|treated)\s+(?:as|for|per|using|according)\b"
    r"[^;.]{0,80}?\b(?:target|non-?target|RECIST|RANO|response assessment|response evaluation)",
    re.I,
)
RELATIVE_OR_NEED = re.compile(r"\b(?:that|which|who)\b|\b(?:required|present|needed|mandatory)\b", re.I)
# "At least one measurable extracranial or intracranial lesion", "a measurable lesion (intracranial and/or
# extracranial)": a lesion anywhere will do, so the count asks nothing of the brain.
ANY_SITE_LESION = re.compile(
    r"\bextra-?\s?(?:cranial|cns)\s+(?:and/or|or|and)\s+(?:intra-?\s?cranial|cns|brain)"
    r"|\b(?:intra-?\s?cranial|cns|brain)\s+(?:and/or|or)\s+(?:extra-?\s?(?:cranial|cns)|systemic|body|other)"
    r"|\bextra-?\s?\s?or\s+intra-?\s?cranial",
    re.I,
)
# Asked first of BRAIN_LESION_COUNT: every match of it names a site too.
# What a bare inclusion may say before brain metastases that makes them its subject in an active state: "New or
# enlarging brain metastases", "Patients with progressing CNS metastases", "Radiographic CNS progression (new or
# growing brain metastases, ...": the trial is for them (a requirement), not one permitted kind.
_RADIOGRAPHIC = (r"(?:radiographic\w*|radiological\w*|documented|confirmed|mri-?(?:confirmed|documented)"
                 r"|imaging-?confirmed)")
_CNS_PROGRESSION = (rf"(?:{_RADIOGRAPHIC}\s+)?(?:evidence\s+of\s+)?(?:isolated\s+)?(?:cns|intra-?cranial|brain)"
                    r"(?:-only)?\s+(?:progression|progressive\s+disease|relapse)")
_ACTIVE_STATE = r"(?:new|newly\s+diagnosed|enlarging|growing|untreated|progressing|progressive|recurrent|active)"
ACTIVE_SUBJECT_LEAD = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?)\s+(?:with|having|who\s+have)\s+)?"
    rf"(?:{_CNS_PROGRESSION}\s*(?:\(\s*|:\s*|,\s*|with\s+|defined\s+as\s+))?(?:{_RADIOGRAPHIC}\s+)?"
    rf"{_ACTIVE_STATE}(?:\s*,\s*(?:and/or\s+|or\s+)?{_ACTIVE_STATE}|\s+(?:and/or|or|and)\s+{_ACTIVE_STATE}){{0,3}}"
    r"\s+(?:(?:measurable|parenchymal|intra-?parenchymal)\s+)?$",
    re.I,
)
# "Radiographic CNS progression with at least one measurable lesion", "Isolated intracranial progression on
# osimertinib": a bullet opening with progression in the brain asks for brain disease that is progressing.
CNS_PROGRESSION_LEAD = re.compile(
    rf"^\W*(?:(?:patients?|subjects?|participants?)\s+(?:with|having|who\s+have)\s+)?(?:a\s+)?{_CNS_PROGRESSION}\b",
    re.I,
)
# "Has no evidence of disease (NED), including no new lesions on chest CT and brain imaging": an inclusion asking for
# no disease left anywhere, brain imaging named among the places looked at.
NO_EVIDENCE_OF_DISEASE = re.compile(
    # ("without evidence of metastatic disease", "no evidence of metastases": said of the brain imaging beside it)
    r"\b(?:(?:no|without)\s+(?:radiolog\w*\s+|radiographic\w*\s+|clinical\s+)?evidence\s+of\s+(?:any\s+)?"
    r"(?:residual\s+|recurrent\s+|active\s+|metastatic\s+)?(?:disease|recurrence|relapse|cancer|malignancy"
    r"|metasta(?:s[ie]s|tic\s+(?:lesions?|spread))\b)"
    r"|NED\b|disease[- ]free|free\s+(?:of|from)\s+(?:any\s+)?(?:disease|recurrence)|no\s+new\s+lesions?)",
    re.I,
)
# ("head MRI", "cranial imaging", "MRI of the head": brain imaging too; the head and neck are not the brain)
BRAIN_IMAGING = guarded(
    r"\b(?:brain|head|cranial|cerebral)\s+(?:MRI|MR|CT|imaging|scans?)\b"
    r"|\b(?:MRI|MR|CT|imaging|scans?)\s+(?:of\s+the\s+)?(?:brain|head)\b(?!\s*(?:and|&|/|,)\s*neck)",
    re.I,
)
LESION_SITE = guarded(r"\b(?:brain|cerebral|intra-?cranial|cns|central nervous(?: system)?)\b", re.I)
# "For patients with brain metastases, at least one must be measurable", "if present": a condition, not a need.
LESION_CONDITION = re.compile(
    r"\b(?:if|when|where|whether|unless)\b|\b(?:for|in|among) (?:the )?(?:patients?|subjects?|participants?|those)"
    r" with\b",
    re.I,
)
# "Brain metastases from small cell lung cancer, germ cell tumours or lymphoma": the primary tumour the metastases
# come from, named right after the mention (its list runs to the clause's end).
ORIGIN_AFTER = re.compile(
    r"\s*(?:(?:arising|originating|derived)\s+)?(?:from|secondary\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?:primary\s+)?(?P<primaries>[^.;:()]{3,200})",
    re.I,
)
# Words in such a list that take in the patient's own cancer: "from any solid tumour", "from a lung primary".
ANY_PRIMARY = re.compile(r"\b(?:any|all|other|solid|unknown)\b|\bprimary\s+tumou?r", re.I)
WHOLE_BRAIN = re.compile(r"whole[- ]brain|\bWBRT\b", re.I)
# "(WBRT or SRS)", "(whole brain radiotherapy or radiosurgery)": examples of any brain radiotherapy, whole-brain one
# beside a focal one.
ANY_RT_ASIDE = re.compile(
    r"\([^()]{0,80}?(?:whole[- ]brain|\bWBRT\b)[^()]{0,80}?(?:\bSRS\b|radiosurg\w*|stereotactic|\bSBRT\b|\bGKRS\b)"
    r"[^()]{0,40}\)"
    r"|\([^()]{0,80}?(?:\bSRS\b|radiosurg\w*|stereotactic|\bSBRT\b|\bGKRS\b)[^()]{0,80}?(?:whole[- ]brain|\bWBRT\b)"
    r"[^()]{0,40}\)"
    # ", including prior stereotactic radiosurgery or whole brain radiotherapy": the same examples, listed after
    # "including" / "such as" / "e.g." to the clause's end.
    r"|,?\s*\b(?:including|such as|e\.g\.,?|whether)\s+[^.;()]{0,80}?"
    r"(?:(?:whole[- ]brain|\bWBRT\b)[^.;()]{0,80}?(?:\bSRS\b|radiosurg\w*|stereotactic|\bSBRT\b|\bGKRS\b)"
    r"|(?:\bSRS\b|radiosurg\w*|stereotactic|\bSBRT\b|\bGKRS\b)[^.;()]{0,80}?(?:whole[- ]brain|\bWBRT\b))"
    r"[^.;()]{0,40}",
    re.I,
)
# A drug treatment, not a local one: "systemic therapy for brain metastases", "steroids", "a TKI".
SYSTEMIC_TREATMENT = re.compile(
    r"\b(?:systemic|chemo\w*|targeted|drugs?|medical|medications?|steroids?|corticosteroids?|TKIs?|inhibitors?"
    r"|immunotherap\w*|anti-?convulsants?)\b",
    re.I,
)
# "No prior brain radiotherapy", "must not have received cranial irradiation", "without previous radiation to the
# brain": an inclusion ruling out earlier brain radiotherapy (the negation, then only the words of a history).
NO_PRIOR_BRAIN_RT = guarded(
    r"\b(?:no|not|never|without)\s+(?:(?:have|has|had|been|received|undergone|prior|previous(?:ly)?|history\s+of"
    r"|any|a)\s+){0,4}(?:(?:brain|cranial|intra-?cranial|cns)\s+(?:radiation|radiotherapy|irradiation|radiosurgery)"
    r"|(?:radiation(?: therapy)?|radiotherapy|irradiation) (?:to|of) the (?:brain|head)\b)",
    re.I,
)
# "Prior WBRT for brain metastases", "previously received whole-brain radiotherapy": not a need for it now.
PRIOR_WHOLE_BRAIN = guarded(
    r"\b(?:prior|previous(?:ly)?|history of|received|had|underwent|undergone)\b[^.;]{0,30}?"
    r"(?:\bwhole[- ]brain (?:radiation|radiotherapy|irradiation)|\bWBRT\b)",
    re.I,
)
TIME_WINDOW = re.compile(
    r"\bwithin (?:the (?:last|past|previous) )?(?:\d|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen"
    r"|twenty|thirty)\b|\b\d+\s*(?:days?|weeks?|months?) (?:before|prior)",
    re.I,
)
ASIDE = re.compile(r"\([^()]{0,200}\)")
# Negations that contradict each other before a mention ("No absence or irradiated and stable CNS metastatic
# disease", "not without brain metastases", "no lack of"): a garbled sentence, read as far as it is clear.
DOUBLE_NEGATIVE = guarded(
    r"\b(?:no|not|never|without)\s+(?:(?:the|any)\s+)?(?:absence|absent|lack(?:ing)?|without|free\s+(?:of|from)|"
    r"devoid|non-?existen(?:ce|t))\b", re.I)
# What follows "no absence" when the absence of CNS disease is the first of the states it lets in ("No absence or
# irradiated and stable CNS metastatic disease"; "No absence of brain metastases").
ABSENCE_OR = re.compile(r"\s*(?:of\b|or\b|,)", re.I)
LOOKBACK = 80  # how far before a mention its negation or "therapy for" is looked for
CONDITION_SENTENCES = 6
CLAUSE_END = re.compile(r"[;:.(]")
# "Patients must have untreated brain metastases >= 5 mm, or leptomeningeal disease": an "or" after the brain
# mention that opens another way in. Not a size, count or imaging alternative ("5 mm or more", "on MRI or CT").
# Nor an "or" between two verbs of one clause ("not suitable for or refuse local therapy", "refuse or are not candidates
# for"): after a preposition or a verb of refusal.
OTHER_WAY_IN = guarded(
    r"(?<!\bwith)(?<!\bfor)(?<!\bto)(?<!\bof)(?<!\brefuse)(?<!\bdecline)(?:,\s*|\s)(?:and/)?or\s+"
    r"(?!(?:without|absent|none|no|more|greater|larger|bigger|longer|higher|above|less|fewer|smaller|equal|both"
    r"|CT|MRI|PET|imaging|contrast|gadolinium|computed|magnetic|not)\b)"
    # "..., or 1 extracranial lesion amenable to biopsy": a count opens another way in too; a size ("or 10 mm") no.
    r"(?=[a-z]|\d(?!\d*(?:\.\d+)?\s*(?:mm|cm|%|mg|millimet|centimet)))",
    re.I,
)
# "1 measurable lesion outside the brain", "an extracranial lesion": a site word that names somewhere else.
OUTSIDE_BRAIN = re.compile(
    r"\b(?:outside|beyond|other than)\s+(?:of\s+)?(?:the\s+)?(?:brain|cns|central nervous system|cranium|skull)\b"
    r"|\b(?:extra-?cranial|non-?cns|non-?brain|systemic)\b",
    re.I,
)
# "..., or 1-2 lesions not suitable for radiosurgery": a count of lesions, the same brain lesions counted otherwise.
COUNTED_LESIONS = re.compile(
    r"\s*(?:with\s+)?(?:\d+|one|two|three|four|five)(?:\s*(?:-|–|to|or)\s*(?:\d+|one|two|three|four|five))?\s+"
    r"(?:(?:brain|intra-?cranial|cerebral|measurable|untreated|parenchymal)\s+){0,2}(?:lesions?|metasta\w*|foci)\b",
    re.I,
)
# A brain state named in that alternative ("or stable treated ones"): the requirement's own reading settles it.
STATE_WORD = re.compile(
    r"\b(?:treated|untreated|irradiated|resected|stable|asymptomatic|symptomatic|controlled|uncontrolled|active"
    r"|progressive|progressing|new|newly|ones?)\b",
    re.I,
)
# "... that has not been treated with radiotherapy or surgery": the "or" joins two local treatments of the same lesion,
# it opens no other way in.
LOCAL_TREATMENT_START = re.compile(
    r"(?:(?:prior|previous|local|neuro-?)\s*)?(?:surgery|surgical|resection|neurosurgery|radiotherapy|radiation"
    r"|irradiation|radiosurgery|stereotactic|SRS|SBRT|SRT|WBRT|whole[- ]brain|gamma[- ]knife|craniotomy"
    r"|local\s+(?:therapy|treatment))\b",
    re.I,
)
# "Not suitable for surgical resection or stereotactic radiosurgery", "amenable to SRS": whether the lesions fit a local
# treatment, a property no profile reports (said of the brain metastases a trial asks for, in its bullet or a
# sub-bullet of it).
LOCAL_SUITABILITY = guarded(
    r"\b(?:(?:not\s+(?:be\s+)?)?(?:suitable|amenable|eligible|appropriate|a\s+candidate|candidates?)|unsuitable"
    r"|ineligible|inappropriate|non-?amenable)\s+(?:for|to)\s+(?:[\w-]+\s+){0,3}?(?:surg\w*|resect\w*"
    r"|radiosurg\w*|SRS|SRT|stereotactic|radiotherapy|radiation|local\s+(?:therapy|treatment)|neurosurg\w*"
    r"|craniotomy|gamma)",
    re.I,
)
# What comes before that "or": a treatment the lesion had or had not ("treated with", "received", "irradiated").
TREATED_WITH = re.compile(
    r"\b(?:treat\w*|irradiat\w*|radio\w*|radiation|surg\w*|resect\w*|received|receiv\w*|underg\w*)\b", re.I)
# "Leptomeningeal disease or untreated brain metastases": the other way in written first.
LEPTO_OR = guarded(rf"(?:{LEPTO.pattern.pattern})[^.;]{{0,40}}?\b(?:and/)?or\b", re.I)
# "unless treated and stable; in Part B, asymptomatic untreated brain metastases are allowed": a clause after ";"
# that lets another group in is another alternative of the exception.
PERMITTING_CLAUSE = re.compile(
    r";(?=[^;]{0,160}?\b(?:allowed|permitted|eligible|acceptable|may (?:participate|enrol\w*|be (?:enrolled|included"
    r"|eligible))|can (?:participate|enrol\w*|be (?:enrolled|included))"
    # "...; untreated ones are not excluded": a ban denied, so another group let in
    rf"|{NOT_SHUT_OUT})\b)"
    # "Brain metastases are allowed if treated, but untreated ones are not excluded": after a comma and a turn, a
    # clause letting untreated ones in (its own subject, its own verb) is another alternative too.
    r"|(?:,\s*(?:(?:and|but|while|whereas)\s+)?|\s(?:but|while|whereas)\s+)(?=" + _UNTREATED_ONES
    + r"\s+(?:also\s+)?(?:(?:are|is|may|can|will)\b[^;.,]{0,40}?"
    r"\b(?:allowed|permitted|eligible|acceptable|enrol\w*|participate)\b"
    rf"|{NOT_SHUT_OUT}))",
    re.I,
)
# "Known brain metastases (see inclusion criterion 2 for exceptions)", "except as allowed in inclusion criterion 5":
# the exclusion points at exceptions stated elsewhere.
SEE_EXCEPTIONS = re.compile(
    r"\bsee\b[^.;()]{0,60}\bexceptions?\b|\bexceptions?\b[^.;()]{0,30}\b(?:in|under|per|see)\s+(?:the\s+)?"
    r"(?:inclusion|exclusion|criteri\w*|section|below|above|protocol)"
    r"|\b(?:except|unless)\s+(?:as\s+)?(?:otherwise\s+)?(?:noted|specified|described|allowed|permitted|stated|defined)"
    r"\s+(?:in|under|below|above)\b",
    re.I,
)
# "must have a brain MRI ... due to the high rate of CNS metastasis": a scan required BECAUSE brain metastases are
# likely is not a requirement to have them. The cause cue sits before the mention, after a word for the scan;
# what it names is a likelihood (a risk word before the mention, or "are common" after it).
REASON_BEFORE = re.compile(
    r"\b(?:due to|because(?: of)?|owing to|since|given|in view of|on account of)\s+(?P<gap>(?:[\w-]+\s+){0,6})$",
    re.I)
SCAN_WORD = re.compile(
    r"\b(?:MRI|MR|CT|PET|imaging|scans?|scanning|radiograph\w*|neuro-?imaging|magnetic resonance"
    r"|computed tomography)\b", re.I)
LIKELIHOOD = re.compile(
    r"\b(?:risks?|rates?|incidence|frequency|likelihood|prevalence|chances?|propensity|possibility|occurrence"
    r"|tendency|probability|predilection)\b", re.I)
COMMON_AFTER = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:(?:are|is)\s+(?:very\s+|more\s+|relatively\s+)?(?:common|frequent|likely|prevalent"
    r"|often|seen frequently)|(?:frequently|often|commonly)\s+(?:occur|develop|seen)\w*)\b", re.I)
# "If patients have brain metastasis with neurological symptom, they should be stabilized with prior radiotherapy":
# a condition on the metastases the if-clause names, stated in the main clause after its comma.
IF_PATIENT_BEFORE = re.compile(
    r"\bif (?:the |a )?(?:patients?|subjects?|participants?) (?:has|have)\s+(?:[\w-]+\s+){0,3}$", re.I)
MAIN_MODAL = re.compile(
    r",\s*(?:then\s+)?(?:they|these|this|those|such|it|the (?:metastas[ie]s|lesions?)|he or she|the patients?)"
    r"\s+(?P<modal>must|should|shall|need to|needs to|have to|has to|are required to|is required to)\s+"
    r"(?P<clause>[^;]{0,200})", re.I)
STABILISED = re.compile(r"\b(?:stabili[sz]\w*|stable|controlled|treated|irradiated|resected)\b", re.I)

# An "or" joining the mention to what follows or precedes it ("Brain metastasis or ascites requiring paracentesis").
OR_NEXT = re.compile(r"\s*,?\s*(?:and/)?or\s+", re.I)
OR_JOIN = re.compile(r"\s*,?\s*\b(?:and/)?or\s+", re.I)
WORD = re.compile(r"[A-Za-z][\w-]*")
# Words that name no condition of their own beside brain metastases: the mention's nouns, verbs, articles, whom.
FILLER = frozenset("""
a an the any all known suspected history of presence evidence with without who which that whose have has had having
is are was were be been being or and nor to in on by for patients patient subjects subject participants participant
persons people those ones one lesions lesion metastases metastasis metastatic mets disease diseases previously prior
current currently documented confirmed existing primary secondary newly diagnosed radiological radiographic
radiologic clinical clinically evidence parenchymal multiple single solitary large small e g eg i e ie
transfer transfers
""".split())

# "asymptomatic BM", "11-20 newly diagnosed BM": the abbreviation after a word of brain-metastasis status; alone
# ("patients with BM") only in a trial that spells it out as brain metastases ("brain metastases (BM)") and never as
# bone marrow ("bone marrow (BM)"). Not "RANO-BM" (the response criteria's name).
_BM = r"(?<![\w-])(?-i:BMs?)(?![\w-]|\s*\))"
BM_QUALIFIED = re.compile(
    r"\b(?P<status>asymptomatic|symptomatic|untreated|treated|irradiated|active|stable|unstable|uncontrolled"
    rf"|progressive|progressing|new|newly diagnosed|known|untreated,? asymptomatic)\s+{_BM}",
    re.I,
)
BM_BARE = re.compile(_BM)
BM_DEFINED = re.compile(r"\b(?:brain|cerebral|intracranial)\s+metasta\w*\s*\((?-i:BMs?)\)", re.I)
BM_OTHER = re.compile(r"\(\s*(?-i:BM)\s*\)", re.I)  # "(BM)" after some other words: bone marrow, ...

# "prior radiotherapy for CNS lesions must have been completed at least 14 days before enrollment", "radiation to brain
# metastases must be completed >= 2 weeks prior": a washout for the patients who had that treatment, no demand that the
# metastases be treated (a permission of untreated, asymptomatic ones may carry it).
WASHOUT_CLAUSE = guarded(
    r"(?:^|(?<=[;,])|\band\b)\s*(?:any\s+|all\s+)?(?:prior|previous|preceding|earlier)?\s*(?:local\s+|focal\s+|cranial\s+)?"
    r"(?:(?:stereotactic|whole[\s-]brain|gamma[\s-]knife|cranial|palliative|definitive)\s+)?"
    r"(?:treatment|therapy|radio-?therapy|radiation(?:\s+therapy)?|irradiation|surgery|resection|radiosurgery|SRS|SBRT"
    r"|WBRT)(?:\s+or\s+(?:surgery|radiosurgery|resection|radio-?therapy|radiation))?"
    r"\s+(?:to|for|of)\s+(?:the\s+|any\s+)?[\w\s/-]{0,40}?\b(?:brain|CNS|intracranial|cerebral|lesions?|metastas[ie]s)"
    # ", if given," / ", where applicable,": the treatment is optional, the clause only times it.
    r"[\w\s/()-]{0,30}?(?:\s*,\s*(?:if|when|where)\s+(?:given|applicable|received|administered|performed|done|any)\s*,)?"
    r"\s+(?:must|should|shall|needs?\s+to|has\s+to|have\s+to)\s+(?:have\s+)?(?:been\s+|be\s+)?completed"
    r"\s+(?:at\s+least\s+|>=?\s*|\u2265\s*|a\s+minimum\s+of\s+)?(?:\d+|one|two|three|four|six)\s*(?:days?|weeks?|months?)"
    r"[^;.]*",
    re.I,
)
# "Asymptomatic CNS lesions may be treated at the discretion of the investigator": a treatment the patient may get, no
# condition that the metastases have had it.
OPTIONAL_TREATMENT = re.compile(
    r"\b(?:may|can|could|might)\s+(?:also\s+|still\s+|optionally\s+)?(?:be\s+(?:treated|irradiated|resected)"
    r"|(?:receive|undergo|have)\s+(?:local\s+)?(?:treatment|therapy|radio-?therapy|radiation|surgery|radiosurgery))\b"
    r"[^;.]*",
    re.I,
)
