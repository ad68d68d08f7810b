"""The words around a drug name that say what a criterion wants: had it, never had it, will get it.

Every pattern here runs on normalised (lower-case) text, is anchored on literal words and uses
only bounded or possessive repetition, so matching stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC, cancers_named
from trialmatch.criteria.rules.reader.vocabulary import ALLOW_WORD, BEAR_VERBS, CANNOT_HAVE

Cue = Literal["neg", "req", "past", "fut"]

# Cue words in the text before a drug name. The last one before the name decides, except that a
# negation followed only by "prior"/"received" words still negates ("no prior", "not received").
# Every alternative starts at the start of a word (a boundary, then a letter) or with "n't": said once in
# front, the engine tries the alternatives only there (the same matches, several times faster).
_CUE = re.compile(
    r"(?:(?=n't)|(?<!\w)(?=\w))(?:(?P<neg>\bno\b(?!\s+(?:more|later|less|longer|evidence|greater|fewer))|\bnot\b(?!\s+(?:limited|more"
    r"|exceed|later|less|only|greater))"
    # (Not "patients without these alterations must have received X": that names a group.)
    r"|\bnever\b|\bnone\b|(?<!patients )(?<!participants )(?<!subjects )(?<!those )\bwithout\b"
    # ... but "Patients without prior systemic therapy" says what they have not had.
    r"|\bwithout(?=\s+(?:any\s+)?(?:prior|previous|earlier)\b)"
    r"|n't\b|\bnor\b|\bfree (?:of|from)\b|\babsence of\b|\buntreated\b"
    # "Lack of prior exposure to X", "lacking prior X", "devoid of any prior X": only before exposure words ("lack
    # of response to prior X" is progression on X).
    r"|\b(?:lack(?:ing|s)?(?:\s+of)?|devoid\s+of)(?=\s+(?:any\s+)?(?:prior|previous|earlier|exposure|treatment"
    r"|therap|systemic|anti|immuno|chemo))"
    r"|\bna[i\u00ef]ve\b)"
    r"|(?P<fut>\bwill\b|\bto (?:receive|be treated|be given|start|initiate|undergo)\b|\bcandidates?\b|\bscheduled\b"
    r"|\bplann(?:ed|ing)\b|\bplan to\b|\beligible (?:to|for)\b|\bsuitable (?:to|for)\b|\bintend\w*|\babout to\b"
    r"|\bprepar\w+|\boffered\b|\bshould (?:be|receive)\b|\bindicated\b|\brecommended\b|\bconsidering\b"
    r"|\bcan\s?not\b|\bunable\b|\bnot (?:eligible|suitable|fit|a candidate|candidates) for\b|\b(?:in|un)eligible for\b"
    # "ineligibility for / unsuitability for X": the noun of the same.
    r"|\bineligibility (?:for|to)\b|\bunsuitability for\b"
    r"|\bunsuitable for\b|\bunfit for\b"
    # "Not fit (enough) for chemotherapy": fitness for the treatment to come, whatever came before.
    r"|\bfit (?:enough )?(?:for|to (?:receive|undergo|tolerate))\b"
    r"|\brefus\w+|\bdeclin\w+"
    # "alterations that can be treated with approved targeted agents": what exists, not what was had.
    r"|\b(?:can|could|may|might) be (?:treated|targeted)\b|\bamenable to\b|\btreatable\b)"
    r"|(?P<req>\bprogress\w*|\bfail\w*|\brefractory\b|\bresist\w*|\brelapsed? (?:on|after|following|during)\b"
    r"|\brecurr\w* (?:on|after|following|during)\b|\bintoleran\w*"
    r"|\bineffective\b|\bexperienced\b|\bpreviously treated (?:with|by)\b|\bpre-?treated\b"
    # "must have been on CPI for 12 weeks", "must be on anti-PD-1 treatment": taking it (now or before).
    r"|\b(?:be|been|being) on\b"
    # "Initiated first-line nivolumab and ipilimumab between 2018 and 2022": a course started (a date, no washout).
    r"|(?<!not )(?<!not yet )\b(?:initiated|commenced|began|begun|started)\b"
    # "Completed 4 cycles of induction therapy with carboplatin plus etoposide": a counted course completed was
    # had, however many words name it (a bare "completed" is weak: "completed radiotherapy before osimertinib").
    # Not into a bracket: "2-4 cycles of first-line therapy (including chemotherapy, ... etc.)" gives examples.
    r"|\bcomplet(?:ed|ion\s+of)\s+(?:(?:at\s+least|exactly|a\s+minimum\s+of|a\s+total\s+of)\s+)?"
    r"(?:\d{1,2}|two|three|four|five|six)(?:\s*(?:-|to|or)\s*\d{1,2})?\s+(?:cycles?|courses?)\s+of\b(?![^(]*\()"
    r"|(?P<weak>\bafter\b|(?<!the )\bfollowing\b|\bpost\b|\bunder\b|\bcomplet\w*|\bcurrently\b"
    r"|\bon (?:the )?(?:treatment|therapy) (?:of|with)\b|\b(?:are|is|while) on\b|\bduring\b))"
    r"|(?P<past>\bprior\b(?!\s+to\b)|\bprevious\w*|\bhistory of\b|\breceived\b|\btreated (?:with|by)\b|\bhad\b"
    r"|\bused\b|\buse of\b|\bunderw\w+|\bundergone\b|\bexposure\b|\bexposed\b|\bpre-?exposed\b"
    # "Earlier treatment with docetaxel", "former therapy with an ICI": "prior" in other words (the word before a
    # treatment noun only: "earlier stage", "earlier than 4 weeks" say no treatment was had).
    r"|\b(?:earlier|former)(?=\s+(?:(?:systemic|anti-?cancer|anti-?tumou?r|drug)\s+)?(?:treatments?|therap(?:y|ies)"
    r"|exposure|use|administration|receipt)\b)"
    # Plainer or translated wording of the same: "took EGFR-TKI", "were given platinum", "receive firstly 4-6
    # cycles of chemotherapy" (the course before the study, in the present tense).
    r"|\btook\b(?!\s+part\b)|\b(?:were|was|have been|has been) given\b"
    r"|\breceived?\s+(?:firstly|first|initially|at first)\b(?![\s-]+(?:line|dose|infusion|administration|study))))"
)

# Words right after a drug name: "EGFR-TKI resistance", "chemotherapy-naive", "osimertinib failure".
_AFTER_NAME = re.compile(
    r"\W{0,3}(?:(?:treatment|therapy|therapies|drug|agent)s?\W{0,3})?(?:(?:has|have|had)\s+)?(?:been\s+)?"
    r"(?:(?P<neg>na[i\u00ef]ve)|(?P<req>resist\w*|refractory|experienced|failure|failed|pre-?treated|exposed"
    r"|progress\w*|intoleran\w*"
    r"|(?:must|should|shall) (?:have )?(?:been )?(?:received|given|administered|used|failed|completed)"
    r"|(?:is|are) (?:required|mandatory))"
    # "no standard therapy (is) available", "for which no effective treatment exists": what exists, not what was had.
    r"|(?P<fut>(?:(?:is|are|was|were) )?(?:(?:currently|otherwise|still) )?(?:available|exists?)\b))"
)

# Said of the whole clause, wherever it sits: allowances and bans.
BAN = guarded(
    # "ineligible for chemotherapy" is about the future, not a ban on having had it.
    # "unless ineligible" is about the patient, not a ban either; nor "intolerant or ineligible to receive approved
    # therapies" (the future, as "for").
    r"\bnot (?:be )?(?:permitted|allowed|acceptable|enrolled)\b|(?<!unless )(?<!if )\bnot (?:be )?eligible\b(?! for)"
    r"|\binadmissible\b|(?<!unless )(?<!if )\bineligible\b"
    r"(?! for| to (?:receive|be treated with)\s+(?:the\s+)?(?:approved|standard|available|further|other)\b)"
    r"|\bexcluded\b|\bprohibited\b|\bnot accepted\b"
)
# An inclusion bullet that names a group by its treatment history and shuts it out at the END: "Patients who have
# already progressed on first-line treatment cannot be included", "Patients previously treated with a PD-1 inhibitor
# are not allowed to be enrolled", "Subjects with prior docetaxel will be excluded" (translated English puts the
# verdict last). The words before the tail are what an exclusion would list. The subject opens the sentence; the
# tail closes it (an optional "in this study" after it).
GROUP_SUBJECT = re.compile(
    r"^\W{0,3}(?:all\s+|any\s+|the\s+)?(?:patients?|participants?|subjects?|people|persons|individuals|those|cases)"
    r"\s+(?:\([^()]{0,30}\)\s+)?(?:who|whose|that|with|having|previously|already|treated|pre-?treated|exposed"
    r"|progress\w*|relapsed|refractory|receiving|on)\b", re.I)
SHUT_TAIL = re.compile(
    r",?\s*\b(?:(?:are|is|will\s+be|shall\s+be|would\s+be)\s+(?:not\s+(?:be\s+)?(?:eligible|allowed|permitted"
    r"|included|enrolled|accepted|admitted)|excluded|ineligible)"
    r"|(?:cannot|can\s*not|can't|may\s+not|must\s+not|shall\s+not|should\s+not|will\s+not|would\s+not)\s+"
    r"(?:be\s+)?(?:included|enrol(?:l?ed|l)?|eligible|allowed|permitted|accepted|admitted|participate|take\s+part"
    r"|join))"
    r"(?:\s+to\s+(?:be\s+)?(?:enrol(?:l?ed|l)?|included|participate|take\s+part|join))?"
    r"(?:\s+(?:in|into|for|from)\s+(?:(?:this|the)\s+)?(?:study|trial|participation|enrol(?:l)?ment|entry"
    r"|study\s+entry|screening))?\s*[.;]?\s*$", re.I)
# Words that make the part before the tail something else than one group's history: a requirement ("must have"), a
# permission or a turn ("otherwise", "; those who ..."), which the whole sentence's own reading keeps.
_NOT_ONE_GROUP = re.compile(r"\b(?:must|should|shall|required?|need|needs|otherwise|eligible|allowed|permitted"
                            r"|acceptable|may|can)\b|[;:]", re.I)


def group_shut_out(sentence: str) -> int | None:
    """Where the shutting tail starts in an inclusion sentence that names a group by its history and shuts it out
    at the end ("Patients who ... cannot be included"); None for any other sentence."""
    if GROUP_SUBJECT.match(sentence) is None:
        return None
    tail = SHUT_TAIL.search(sentence)
    if tail is None or _NOT_ONE_GROUP.search(sentence, 0, tail.start()):
        return None
    return tail.start()


_PERMIT = guarded(
    r"\b(?:allowed|permitted|permissible|acceptable|(?:can|could|may)(?: also)? be (?:enrolled|admitted"
    r"|included|accepted)"
    # "(ALK-positive patients may enrol if previously treated with an ALK inhibitor)": a way in, not a ban.
    r"|(?:can|could|may)(?: also| still)? (?:enrol|enroll|participate|join|enter)"
    # "Subjects who received adjuvant chemotherapy can into the group if ...": a translated "may be enrolled".
    r"|(?:can|could|may)(?: also| still)?(?: be)? into (?:the )?(?:group|study|trial)"
    # "Patients on DL1 can continue prior checkpoint inhibitors during the DLT period": keeping a drug one is on
    # is let, never asked.
    r"|(?:can|could|may)(?: also)? continue|(?:allowed|permitted) to continue"
    # "Patients may be treatment-naive", "can be either untreated or previously treated": a state let in, not asked.
    r"|(?:can|could|may)(?: also| either| still)? be(?: either)? (?:(?:systemic[- ]|chemo(?:therapy)?[- ]"
    r"|treatment[- ]|therapy[- ]|tki[- ]|immunotherapy[- ])?naive|(?:previously )?untreated)"
    r"|(?:is|are|be|remain)(?: both| also| all| equally)? eligible(?! for| to)|(?:may|can|could)(?: also)? have"
    r"|not counted|is ok|are ok"
    # "X need not be the most recent line", "prior X is optional / not required": no rule on X.
    r"|need not|needs? not|(?:does|do) not (?:need|have) to|(?:is|are) not (?:required|mandatory|necessary)"
    r"|optional|(?:can|may|could) include"
    # "Progression within 6 months of adjuvant cisplatin also qualifies", "... will also be considered", "adjuvant
    # cisplatin also counts": a further way in beside the rule, never a requirement of its own. ("Counts as a line"
    # alone is not_counted.py's: "must have received platinum, which counts as a line" still asks for platinum.)
    r"|also qualif(?:y|ies|ied)|(?:is|are|will|would|may|can|shall) (?:also (?:be )?|be also )(?:considered|accepted"
    r"|counted|included)|also counts?)\b"
)
# "Prior X is allowed; prior Y is not.": the second clause leaves its verb out, and bans Y as the first allows X.
# "Prior X is allowed, prior Y is not allowed": a comma between an allowance and a ban ends the allowance's clause.
_ALLOWED_WORD = ALLOW_WORD
_PERMIT_COMMA = re.compile(rf"\b{_ALLOWED_WORD}\s*(,)(?=(?:\s*but)?[^;.,]{{0,100}}?\b(?:is|are)\s+not\b)")
_BARE_NOT = re.compile(r"\b(?:is|are)\s+not(?=\s*(?:[.;,)\]]|$))")


def elliptical_ban(norm: str) -> str:
    """The sentence with "prior Y is not" after an allowance said in full ("prior Y is not allowed"), and a comma
    after the allowance made a clause break."""
    if " not" not in norm or not _PERMIT.search(norm):
        return norm
    norm = _PERMIT_COMMA.sub(lambda m: m.group()[:m.start(1) - m.start()] + ";", norm)
    first = _PERMIT.search(norm)
    if first is None:
        return norm
    return norm[:first.end()] + _BARE_NOT.sub(lambda m: m.group() + " allowed", norm[first.end():])


# "Patients cannot have received more than 2 prior lines", "Participants may not have had X": a prohibition said with
# a modal, which reads as "must not have" (not a future "cannot be treated", nor a maybe).
_MODAL_BAN = re.compile(r"(?P<lead>^\W*|\b(?:patients|participants|subjects|they|you|individuals)\s+)(?:cannot"
                        r"|can\s+not|can't|may\s+not)\s+(?=have\s+(?:(?:previously|ever|already)\s+)?(?:received|had"
                        r"|been\s+treated|undergone)\b)")


def modal_ban(norm: str) -> str:
    """The sentence with a prohibitive "cannot / may not have received" said as "must not have received"."""
    if "not have" not in norm and "can't have" not in norm:
        return norm
    return _MODAL_BAN.sub(r"\g<lead>must not ", norm)


# ("Have or have not received X" says both: no negation.) "... and have not progressed since", "has not relapsed
# after it": the disease's course is negated, not the treatment, so no negation of the exposure.
_NOT_COURSE = (r"(?!\s+(?:yet\s+|since\s+|subsequently\s+)?(?:progress|relaps|recur"
               r"|had\s+(?:(?:radiographic|radiological|clinical|documented)\s+)?(?:disease\s+)?"
               r"(?:progression|relapse|recurrence)))")
_LATE_NEG = guarded(r"(?<!have or )(?<!has or )(?<!had or )(?<!was or )(?<!were or )"
                       r"\b(?:has|have|had|was|were) not been\b|(?<!have or )(?<!has or )\b(?:has|have) not\b"
                       + _NOT_COURSE)

# "Have not received prior X, or have progressed on prior X": the second way in says the treatment had, with a verb of
# its own after "or"; the first way's "have not" is over by then (LATE_NEG is a clause-wide reading).
_OR_HAD_AGAIN = re.compile(
    r"\bor\s+(?:(?:must|should)\s+)?(?:have|has|had|be|are|is)\s+(?:(?:been|previously|already|either)\s+)*"
    r"(?:progressed|relapsed|recurred|received|had|failed|(?:pre-?)?treated|exposed|refractory|resistant|intolerant)\b")


def late_negation_over(norm: str, start: int, pos: int) -> bool:
    """Whether the last "has not (been)" of norm[start:pos] is followed, before pos, by "or have <had X>"."""
    ends = [found.end() for found in _LATE_NEG.finditer(norm, start, pos)]
    return bool(ends) and _OR_HAD_AGAIN.search(norm, ends[-1], pos) is not None


# Regions whose drug names are exceptions, optional companions, or examples.
# "..., except 1 cycle of X (in which case patients must be registered within 4 weeks of starting X)": what applies in
# the excepted case, which asks for nothing of the others (nor makes the sentence a washout).
IN_WHICH_CASE = re.compile(r"\(\s*in\s+(?:which|that|this|such\s+an?|such)\s+cases?\b[^()]*\)"
                           r"|[,;]\s*in\s+(?:which|that|this|such\s+an?|such)\s+cases?\b[^;.()]*", re.IGNORECASE)
# "Patients may be receiving or planning to receive chemotherapy, ..., or may be on no active anticancer treatment",
# "may or may not be receiving systemic therapy": both states are let in, so the clause asks nothing of treatment.
# "Currently on any anticancer treatment, or on no treatment", "receiving any systemic therapy, or none": said of
# ANY treatment, the "may" is not needed either (the verb may go too: "..., or no anticancer therapy"); nor when
# the two are one phrase: "on any or no anticancer treatment".
_NO_TREATMENT = (r"(?:(?:be\s+)?(?:on|receiving|taking|undergoing)\s+)?no\s+"
                 r"(?:(?:active|current|ongoing|concurrent)\s+)?(?:(?:anti-?cancer|cancer|systemic|oncologic(?:al)?)\s+)?(?:treatments?|therap(?:y|ies))\b")
_ANY_TREATMENT = (r"\b(?:currently\s+)?(?:receiving|on|taking|undergoing)\s+any\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:treatments?|therap(?:y|ies))\b,?\s+or\s+(?:may\s+)?(?:be\s+)?(?:none\b|" + _NO_TREATMENT + ")")
# "on any or no anticancer treatment", "receiving no or any systemic therapy": the two states joined in one phrase.
_ANY_OR_NO = (r"\b(?:either\s+)?(?:any\s+or\s+no|no\s+or\s+any)\s+(?:[\w-]+\s+){0,3}?"
              r"(?:treatments?|therap(?:y|ies)|regimens?)\b")
BOTH_STATES = guarded(
    _ANY_TREATMENT + "|" + _ANY_OR_NO +
    r"|\bmay\s+(?:be\s+)?(?:currently\s+)?(?:receiving|on|taking|undergoing)\b[^;.]{0,200}?\bor\s+(?:may\s+)?"
    + _NO_TREATMENT +
    r"|\bmay\s+or\s+may\s+not\s+(?:be\s+)?(?:currently\s+)?(?:receiving|on|taking|undergoing|have\s+received)\b"
    r"[^;.]{0,120}"
)
# "KTX-1 in RET-Altered Tumors, Including Patients Previously Treated With Selpercatinib", "RET fusion NSCLC, including
# those who have received pralsetinib", "as well as participants pretreated with a RET inhibitor": the clause widens
# who is taken (the treated come too) and asks nothing of the others. Said of people only: "prior therapies, including
# those targeting RET" lists treatments, and "at least 2 lines, including an anti-PD-1" asks for one.
_PERSONS = r"(?:patients|participants|subjects|people|individuals|persons|cases)"
WIDENING = guarded(
    r"\b(?:including|incl\.?|as\s+well\s+as|and\s+also)\s+(?:(?:in|for)\s+)?"
    r"(?:" + _PERSONS + r"(?:\s+who)?|those\s+who|those(?=\s+(?:previously|already|pre-?treated|treated)\b))\s+"
    r"(?:(?:have|has|had|were|was|are|is|been|being)\s+)*(?:(?:previously|already|prior|also|ever)\s+)?"
    r"(?:treated|pre-?treated|received|exposed|progress\w*|relaps\w*|refractory|resistant|intolerant|failed)\b"
    r"[^;.]*"
)
EXCEPT = guarded(
    r"\b(?:other than|except(?: for)?|besides|excluding|with the exception of|apart from"
    r"|but not(?! limited))\b[^,;.)\]]*"
)
# Being on, or having had, a treatment ("be receiving", "have received", "be on").
_TAKING = (r"(?:be\s+(?:currently\s+)?(?:receiving|on|treated\s+with|taking|getting)|receive|take"
           r"|have\s+(?:received|had|been\s+treated))")
# Where a match can start, in front (the same matches, found several times sooner): "±" or "+/-", a word starting
# with one of the alternatives' first letters, or the comma and spaces before "given/received/... as".
_OPTIONAL_START = r"(?=[\u00b1+]|\b[acdghimnortuw]|,?\s*\b(?:given|received|administered|used|taken)\b)"
OPTIONAL = guarded(
    _OPTIONAL_START + r"(?:\bwith or without\b|\bwith/without\b|\bw/o\b|\u00b1|\+/-|\bor in combination with\b"
    r"|\bor combined with\b"
    r"|\bin combination with\b"
    r"|\bcombined with\b|\bor not\b|\balone or\b|\bmonotherapy or\b|\bnon-combined\b"
    # "have or have not received X", "did or did not receive X", "whether or not treated with X": both said.
    r"|\b(?:have|has|had|did|do|does|were|was|are|is) or (?:have|has|had|did|do|does|were|was|are|is) not\b"
    r"|\bwhether or not\b"
    # "may be receiving X or may not be receiving any X", "may or may not have received X": both states allowed.
    r"|\bmay or may not\b"
    # "osimertinib, given as either first-line treatment or second-line treatment following a 1st/2nd-generation
    # TKI": when the drug named before was given; the other drug is a context, not an alternative to it.
    r"|,?\s*\b(?:given|received|administered|used|taken)\s+as\s+(?:either\s+)?(?:an?\s+|the\s+)?"
    r"(?:first|1st|second|2nd|third|3rd|frontline|front-line)[\s-]*(?:line\b|or\b)[^.;]*"
    rf"|\bmay\s+(?:currently\s+)?{_TAKING}\b(?=[^.;]*\bor\s+(?:may\s+)?not\b)"
    rf"|\bor\s+(?:may\s+)?not\s+{_TAKING}\b"
    # "Regardless of prior immunotherapy", "irrespective of prior osimertinib exposure": neither asked nor banned.
    r"|\bregardless of\b|\birrespective of\b)"
    # ... up to the clause's end, or a relative clause of the patient's own: "NSCLC with or without brain metastases
    # that progressed on selpercatinib" makes the metastases optional, not the drug the disease progressed on.
    r"(?:(?!\b(?:that|which|who|whose)\b)[^,;.)\]])*"
)
PAREN = guarded(r"\([^()]*\)|\[[^\[\]]*\]")

# Sentences about something other than which treatments were had: any of these strings in them ...
_SKIP_TEXT = (
    "hypersensitiv", "allerg", "toxicit", "toxic effect", "toxic reaction", "adverse event", "adverse reaction",
    "adverse effect", "side effect", "side-effect",
    "recovered from", "contraindication", "cytochrome", "inducer", "p-gp", "glycoprotein", "different cancer",
    "different malignan", "another cancer", "another malignan", "vaccin", "infusion reaction", "radiosensiti",
    "informed consent", "pregnan", "contracept", "absorption", "gastrointestinal", "contra-indication",
)
# ... or these words. (Plain strings are looked for with `in`: one regex alternation of them all tried
# every alternative at every position.)
_SKIP_WORDS = guarded(
    r"cyp\s?3a|(?:(?<!\w)(?=\w))(?:\bresolved\b|\bother (?:indication|malignan|cancer|tumou?r|primary)"
    r"|\bsensitivity to\b|\bhormon\w+ (?:therapy|replacement)"
    r"|\bhepatitis\b|\btuberculosis\b|\bsteroid|\bimmunosuppress|\bswallow|\bbowel\b"
    r"|\bpneumonitis\b|\bcolitis\b|\bmyocarditis\b|\birae\b|\bimmune-related\b|\bimmune-mediated\b(?! therap)"
    # "severe or life-threatening events from any immune-mediated therapy": side effects of a treatment had.
    r"|\blife-threatening\b|\bevents? (?:from|due to|related to|attributed to|caused by)\b)"
)


# "Progressed on X, or contraindication to X", "unless there is a contraindication": a way into the trial for
# a patient who could not have X, beside a rule on having had it (never a sentence about contraindications).
CONTRA_ALTERNATIVE = guarded(r"\b(?:or|unless)\b[^.;]{0,40}?\bcontra-?\s?indicat")
_CONTRA = ("contraindication", "contra-indication")


# A contraindication as the only way around a required treatment: "..., unless contraindicated", "(unless medically
# contraindicated)", "or have it contraindicated", "unless there is a contraindication to these". No profile states a
# contraindication while it states what was given, so the treatment not given is missing (the convention the
# labelled sets share): the escape is blanked and the requirement stands. Another open escape beside it ("unless
# contraindicated or ineligible", "or declined") keeps the sentence a question.
# The treatment a contraindication names: "such therapy", "standard therapy", "platinum(-based chemotherapy)", "the
# above treatment(s)", at most four words and no clause break ("or", a comma) between them.
_CONTRA_OBJECT = (
    r"(?:(?:the|this|that|such|these|those|standard|(?:the\s+)?above)\s+)?(?:(?!or\b)[\w/()-]+\s+){0,3}?"
    r"(?:therap(?:y|ies)|treatments?|chemotherapy|regimens?|agents?|drugs?|platinum|immunotherapy|inhibitors?"
    r"|[\w-]+mab|[\w-]+nib|[\w-]+platin)"
)
_CONTRA_ONLY = re.compile(
    r"[,;]?\s*[(\[]?\s*(?:unless|except\s+(?:if|when|where))\s+(?:(?:medically|clinically)\s+)?contra-?\s?indicated"
    r"(?:\s+(?:to|for)\s+(?:it|them|this|these|those|the\s+patient))?\s*[)\]]?"
    r"|[,;]?\s*[(\[]?\s*(?:unless|except\s+(?:if|when|where))\s+(?:there\s+(?:is|was|are)\s+|(?:the\s+)?(?:patient|subject"
    r"|participant)s?\s+(?:has|have|had)\s+)?(?:an?\s+|any\s+)?(?:medical\s+|clinical\s+)?contra-?\s?indications?"
    r"(?:\s+(?:to|for)\s+(?:it|them|this|these|those|such\s+(?:therapy|treatment)|(?:this|that|the)\s+(?:therapy"
    r"|treatment|agent|drug)))?\s*[)\]]?"
    r"|[,;]?\s*\bor\s+(?:(?:have|has|had)\s+(?:them|it|this|these|those|been)\s+contraindicated"
    r"|(?:is|are|was|were|be)\s+contraindicated|(?:(?:have|has|had|with)\s+)?(?:an?\s+|any\s+)?(?:medical\s+"
    r"|clinical\s+)?contra-?\s?indications?\s+(?:to|for)\s+(?:it|them|this|these|those|such\s+(?:therapy|treatment)"
    # "or contraindication to platinum", "or a contraindication to platinum-based chemotherapy": named treatment.
    rf"|{_CONTRA_OBJECT})"
    # "or standard therapy is contraindicated", "or (for whom) such therapy is contraindicated", "or if
    # chemotherapy is contraindicated": the treatment asked for, named again as the subject.
    rf"|(?:(?:for\s+whom|in\s+whom|if|when|where)\s+)?{_CONTRA_OBJECT}\s+(?:is|are|was|were)\s+"
    r"(?:medically\s+|clinically\s+)?contra-?\s?indicated)\b")


def without_contraindication_only(norm: str) -> str:
    """`norm` with a contraindication blanked when it is the only escape from what the sentence asks (see above)."""
    spans = [m.span() for m in _CONTRA_ONLY.finditer(norm)]
    if not spans:
        return norm
    rest = norm
    for start, end in spans:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if "contra" in rest or STANDARD_ALTERNATIVE.search(rest) or OPEN_ALTERNATIVE.search(rest) \
            or re.search(r"\bunless\b|\bnot\s+(?:medically\s+|clinically\s+)?indicated\b", rest):
        return norm  # another way around the treatment stays: the whole sentence stays a question
    return rest


# "Disease progression or intolerable toxicity after platinum": the toxicity is a way out of the treatment had,
# the sentence still asks for it.
# "... or couldn't withstand its toxicity", "or could not tolerate the toxicity": the same way out, told as a verb.
_FAILED_OR_INTOLERABLE = re.compile(
    r"\b(?:progress\w*|fail\w*|relaps\w*|recurr\w*)\b[^.;]{0,60}?\bor\s+"
    r"(?:(?:had|has|have|experienced|developed|with|due\s+to)\s+)?"  # "or had unacceptable side effects from X"
    r"(?:(?:intolerable|unacceptable|intolerant|untolerable)\s+"
    r"|(?:could\s*not|couldn't|cannot|can\s*not|can't|unable\s+to|not\s+able\s+to|did\s+not|didn't)\s+"
    r"(?:tolerate|withstand|bear|endure|stand)\s+(?:(?:its|the|their|this|that|related)\s+)?)"
    # "... or unacceptable side effects on platinum": side effects, told either way, are the same way out.
    r"(?:toxicit|(?:(?:serious|severe|significant|toxic)\s+)?side[\s-]effect)")
# The skip words such a way out uses: the sentence holding only these is still about the treatment had.
_WAY_OUT_WORDS = frozenset({"toxicit", "side effect", "side-effect"})


# "No prior immunotherapy, excluding therapeutic anticancer vaccines": a carve-out naming vaccines leaves a
# sentence about earlier treatment (the vaccines of the skip list are the ones given against infections).
_VACCINE_CARVE_OUT = re.compile(
    r"\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|but\s+not)\s+(?:[\w-]+\s+){0,3}?vaccin\w*")


def off_topic(text: str, alternative_ok: bool = False) -> bool:
    """A sentence about allergies, toxicity, absorption, other cancers ...: not about earlier treatment.
    `alternative_ok`: a contraindication offered as an alternative (CONTRA_ALTERNATIVE) keeps the sentence."""
    if "vaccin" in text:
        text = _VACCINE_CARVE_OUT.sub(" ", text)
    hits = [word for word in _SKIP_TEXT if word in text]
    if hits and alternative_ok and all(word in _CONTRA for word in hits) and CONTRA_ALTERNATIVE.search(text):
        hits = []
    if hits and set(hits) <= _WAY_OUT_WORDS and alternative_ok and _FAILED_OR_INTOLERABLE.search(text):
        hits = []
    if hits:
        return True
    if "hormon" in text and _LISTED_HORMONE.search(text):
        # "Prior chemotherapy, hormonal therapy or immunotherapy": hormonal therapy is one of the cancer
        # treatments listed, not hormone replacement; the sentence is about earlier treatment.
        text = _HORMONE_THERAPY.sub(" ", text)
    return _SKIP_WORDS.search(text) is not None


# Hormonal therapy listed with other cancer treatments, either side.
_CANCER_THERAPY = (r"(?:cytotoxic\s+)?(?:chemo\w*|immuno\w*|radio\w*|targeted|biologic\w*|checkpoint|pd-?1|pd-?l1"
                   r"|investigational)")
_LISTED_HORMONE = re.compile(
    rf"{_CANCER_THERAPY}[^.;:()]{{0,30}}?[,/]\s*(?:or\s+|and\s+|and/or\s+)?hormon\w+ therap"
    rf"|{_CANCER_THERAPY}[^.;:(),]{{0,30}}?\s(?:or|and|and/or)\s+hormon\w+ therap"
    rf"|hormon\w+ therap\w*\s*(?:,|or|and|and/or)\s*(?:or\s+|and\s+)?(?:any\s+|other\s+)?{_CANCER_THERAPY}")
_HORMONE_THERAPY = re.compile(r"\bhormon\w+ therap\w*")


# In exclusions these describe the present or the study itself, not earlier treatment.
SKIP_EXCLUSION = re.compile(
    r"\bconcurrent\w*|\bconcomitant\w*|\bcurrently\b|\bongoing\b|\bduring (?:the )?study\b"
    r"|\bexpected to (?:need|require)"
    r"|\bwill (?:need|require|receive)\b|\bplanned\b|\bparticipat\w+ in (?:an)?other|\bclinical (?:study|trial) of\b"
    r"|\bat the time of (?:enrol|screen|random|registration|study entry|signing|consent)"
)
# A treatment to come added to a ban of the same treatment had: "Previous systemic therapy for lung cancer, including
# planned neoadjuvant treatment", "prior or planned chemotherapy", "any prior (or scheduled) EGFR TKI". What was had is
# banned all the same; the plan is one more case of it, no sign that the sentence is about the study's present.
# Also ", including treatment planned before surgery" and ", planned neoadjuvant treatment included".
_PLANNED_TOO = re.compile(
    r",?\s*\b(?:including|incl\.?|as\s+well\s+as|or|and/or|and)\s+(?:any\s+|the\s+)?(?:planned|scheduled|intended)\b"
    r"(?P<tail>[^.;]*)"
    r"|,?\s*\b(?:including|incl\.?)\s+(?:any\s+)?(?:\w+\s+){1,2}?(?:planned|scheduled|intended)\b[^.;,]*"
    r"|,\s*(?:any\s+)?(?:planned|scheduled|intended)\b[^.;,()]{0,60}?\bincluded\b")
_HAD = re.compile(r"\b(?:prior|previous\w*|earlier|received|history of|pre-?treated|treated with)\b")


def _cut_plan(m: re.Match[str]) -> str:
    # "prior or planned chemotherapy": the word only; ", including planned neoadjuvant treatment": the clause.
    if m.group("tail") is None or m.group(0).lstrip(", ").startswith(("including", "incl", "as well")):
        return " "
    return " " + m.group("tail")


def without_planned_too(text: str) -> str:
    """`text` without a plan added to a ban of treatment had (_PLANNED_TOO): ", including treatment planned before
    surgery" says nothing of the setting of what was had."""
    if "planned" not in text and "scheduled" not in text and "intended" not in text:
        return text
    return _PLANNED_TOO.sub(_cut_plan, text)


def skip_exclusion(bare: str) -> bool:
    """Whether an exclusion is about the present or the study (SKIP_EXCLUSION), once a plan added to a past
    treatment is read as one more case of the ban."""
    if SKIP_EXCLUSION.search(bare) is None:
        return False
    if "planned" not in bare and "scheduled" not in bare and "intended" not in bare:
        return True
    rest = without_planned_too(bare)
    return rest == bare or _HAD.search(rest) is None or SKIP_EXCLUSION.search(rest) is not None


# "..., and have a life expectancy of more than 12 weeks": a length that is no time since a treatment.
LIFE_EXPECTANCY = re.compile(
    r"\b(?:life expectancy|expected survival|survival expectancy|expected to live)\b[^,;.]{0,40}")
# Washouts and time windows: assumed met, so they never forbid anything. "18 years of age" is an age, not a window.
N_WORD = _N = r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve|fourteen|twenty-?one|twenty-?eight|thirty)"
TIME_WINDOW = guarded(
    rf"\bwithin\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|preceding\s+)?{_N}\b"
    rf"|\b{_N}\s*(?:days?|weeks?|months?|years?|half[- ]lives)\s+"
    rf"(?:prior|before|of(?!\s+age\b)|preceding|since|from|after|elapsed)"
    rf"|\bhalf[- ]lives\b|\bwash[- ]?out\b|\bin the (?:last|past|preceding) {_N}\b"
    rf"|\bless than {_N}\s*(?:days?|weeks?|months?)|\b(?:at least|more than|greater than)\s+{_N}\s*(?:days?"
    rf"|weeks?|months?)"
    r"|[\u2265>]\s*\d+\s*(?:days?|weeks?|months?)"
    rf"|\bfor at least {_N} (?:days?|weeks?)|\bprior to (?:the )?(?:first dose|start|initiation|enrol|random"
    rf"|registration|screening)"
    r"|\bbefore (?:the )?(?:first dose|first administration|start of|initiation|enrol|random|registration|screening)"
)
# A point in time with no length ("before enrollment", "prior to randomisation"): what a ban names before it
# was had at any time, unlike "within 4 weeks before enrollment".
_BARE_POINT = guarded(
    r"\b(?:before|prior to)\s+(?:the\s+)?(?:first dose|first administration|start of|start|initiation|enrol\w*"
    r"|random\w*|registration|screening|study entry)"
)


def undated(text: str) -> bool:
    """Whether a sentence's only time words are a bare point ("Exposure to other anticancer therapy before
    enrollment"): no length, no "within", nothing else TIME_WINDOW reads."""
    if "within" in text or DURATION.search(text) or not _BARE_POINT.search(text):
        return False
    return not TIME_WINDOW.search(_BARE_POINT.sub(" ", text))


# The time since a treatment had, which dates its line rather than naming another treatment: "a chemotherapy-free
# interval >= 90 days", "platinum-free interval of at least 6 months", "interval since the last dose of X",
# "relapsed more than 90 days after completion of first-line platinum".
TREATMENT_INTERVAL = re.compile(
    r"\b[a-z0-9/-]+[- ]free\s+(?:survival\s+)?(?:interval|period)\b"
    r"|\b(?:interval|time)\s+(?:since|after|from)\s+(?:the\s+)?(?:(?:last|final|end\s+of|completion\s+of)\s+)?"
    r"(?:(?:dose|cycle|course)\s+of\s+)?[^,;.()]{0,60}"
    r"|\b(?:relapse[ds]?|recurr\w*|progress\w*)\s+(?:occurr\w*\s+)?(?:>=|\u2265|>|more\s+than|at\s+least|over"
    r"|greater\s+than|beyond|later\s+than)\s*\d+\s*(?:days?|weeks?|months?)\s+(?:after|from|following|since)\b"
    r"[^,;.()]{0,60}")
# A sentence that sets a wash-out period is about timing, whatever drugs it names.
WASHOUT = guarded(r"\bwash[- ]?out\b|\bwashed out\b")
# The study population or a condition on it, which makes failures uncertain.
SOFT = re.compile(
    r"\bunless\b|\bif\b|\binvestigator\b|\b(?:in|within|on) (?:an? |the |another )?(?:other )?clinical (?:study|studies"
    r"|trial|trials)\b|\bas part of (?:an? |the )?(?:clinical )?(?:trial|study)\b"
    r"|\bas (?:an? )?investigational\b"
    r"|\bmay\b|\bcould\b|\bpossibl\w+|\bdeemed\b|\bjudg\w+|\bwhere\b|\bwhenever\b"
    # ("with both regimens considered as one line of treatment": a note on counting lines, not a judgement)
    r"|\bconsidered\b(?!\s+(?:as\s+|to\s+be\s+)?(?:one|a\s+single|a|the\s+same|1|single|separate|two|2)\s+"
    r"(?:(?:treatment|therapy)\s+)?(?:lines?|regimens?)\b)"
)
# Meeting the drug requirement still leaves something the profile cannot show.
MET_UNKNOWN = re.compile(
    r"\bbenefit\w*|\bresponse\b(?! evaluation)|\bresponded\b|\bpfs\b|\bprogression-free\b|\bstable disease\b"
    r"|\bdurable\b"
    r"|\b(?:cr|pr|sd)\b|\bat least (?:two|three|four|2|3|4|6) (?:cycles?|courses?|doses?|infusions?|months?)"
    r"|\bcontrolled\b|\b\d+\s*(?:cycles?|courses?)\b|\bexposure of at least\b"
    # "currently be on X for at least 8 weeks, without any dose reduction": how long and at what dose.
    r"|\bdose reductions?\b|\bat least (?:\d+|eight|twelve) weeks\b"
    # "took EGFR-TKI longer than 6 months": how long the course ran.
    r"|\blonger than\s+(?:\d+|one|two|three|six|twelve)\s*(?:weeks?|months?|years?)\b"
)
ADVANCED = re.compile(
    r"\b(?:locally advanced|advanced|metastatic|metastasis|recurrent|incurable|unresectable|current stage|palliative"
    r"|stage\s*(?:iii?b|iiic|iv|3b|4)|first[- ]line|1st[- ]line|extensive)\b"
)
ANY_SETTING = guarded(r"\bany setting\b|\bin any line\b|\bever\b|\bat any time\b")
EARLY = guarded(
    r"\b(?:before|prior to) (?:the )?(?:[a-z]+ ){0,3}(?:surgery|resection|operation)\b|\bpre-?operative\w*"
)
# Allowances that keep a rule about advanced disease when (neo)adjuvant therapy is mentioned.
ADJUVANT_ALLOWED = re.compile(
    r"\b(?:allowed|permitted|permissible|eligible|acceptable|accepted|except|exception|unless|if|not counted|provided"
    r"|more than"
    r"|at least|(?:can|could|may)(?: also)? be (?:enrolled|included|admitted))\b"
    r"|[\u2265>]"
)
# Given outside the bloodstream: "intrapleural injection chemotherapy" is not systemic treatment.
LOCAL_ROUTE = re.compile(
    r"\b(?:intra-?pleural|intracavit\w*|intrathecal|intra-?arterial|intravesical|intratumou?ral|pleurodesis|topical"
    r"|hyperthermic|perfusion|intraperitoneal|lateral ventricular)\b[^,;.]{0,25}$"
)
ADJUVANT = guarded(
    r"\b(?:neo-?\s*/?\s*adjuvant|adjuvant|adjunctive|perioperative|peri-operative|post-?operative"
    r"|pre- or post-?operative"
    r"|curative[- ]intent|curative setting|non-metastatic|early[- ]stage|chemoradi\w*|definitive)\b"
)
# A bullet that opens a sub-population ("Patients with nodal recurrence ... are eligible if:").
CONDITION_PARENT = guarded(r"\beligible if\b|\bprovided\b|\bunless\b|\bwhen\b|\bwhose\b")
# "For patients who have undergone adjuvant chemotherapy, ...": the names in such a lead-in are a
# condition, not a requirement.
LEAD_IN = re.compile(
    r"\s*(?:[a-z0-9]{1,2}[.)]\s+)?(?:for|if|in|when|where)\s+(?:the\s+)?(?:\w+\s+)?(?:patients|subjects"
    r"|participants|those|cases)\b[^,;:]*[,;:]"
    # "In order to enter the study after starting commercial osimertinib, subjects must ...": a later way in for
    # those already on the drug, not a requirement to have had it.
    r"|\s*(?:[a-z0-9]{1,2}[.)]\s+)?(?:in\s+order\s+)?to\s+(?:enter|enrol|enroll|join|participate|be\s+enrolled"
    r"|be\s+included)\b[^,;:]{0,40}?\b(?:after|following|once|when)\s+(?:having\s+)?(?:starting|started"
    r"|initiating|initiated|beginning|begun|commencing|commenced|receiving)\b[^,;:]*[,;:]"
)
# "Patients who received prior X must ...", "Subjects treated with X should ...": the names before the verb
# pick out the patients the rest of the sentence is about; they are not a requirement on everyone.
SUBJECT_LEAD_IN = re.compile(
    r"\s*(?:[a-z0-9]{1,2}[.)]\s+)?(?:patients|subjects|participants|those|individuals)\s+"
    # ("who have previously consented to and received X": an agreement before the treatment is still its history.)
    r"(?:(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:previously\s+|already\s+)?(?:(?:consented|agreed|opted|chosen"
    r"|chose|elected)(?:\s+to)?\s+(?:and|&)\s+)?(?:been\s+)?(?:received|receiving"
    r"|had|were treated|are treated|treated|undergone|underwent|took|taken|on|are on|were on"
    # "Patients who develop progressive disease after X must ...", "those who relapsed on X should ...": a course
    # on X picks the patients too.
    r"|develop(?:s|ed)?\s+(?:progressive\s+disease|(?:disease\s+)?progression)|progress(?:ed|es)|relapsed|recurred"
    r"|failed|experienced\s+(?:disease\s+)?progression"
    # "Subjects who began first-line carboplatin before consent must ...": those already on it.
    r"|began|begun|started|initiated|commenced)|receiving"
    r"|having received|previously treated|treated|with (?:prior|previous)|on (?:prior|previous))\b"
    # (Commas too: "after erlotinib, gefitinib, afatinib, or dacomitinib must ..." lists the drugs of the group.)
    r"[^;:]{0,160}?(?=\b(?:must|should|shall|need to|needs to|are required|is required|will need|have to)\b)"
)
# An aside that lists examples of what came before: "(e.g., EGFR TKIs, ...)", "[Erbitux]".
EXAMPLES = re.compile(r"[(\[]\s*(?:e\.?\s?g\.?|i\.?\s?e\.?|such as|including|for example|for instance|ie|eg)\b")

# "At least one prior systemic therapy (e.g., platinum and/or an immune checkpoint inhibitor)", "one or more prior lines
# of treatment, such as chemotherapy or immunotherapy": a count of lines of any therapy, then examples of it. The
# examples are no required drug. Not "i.e." (it defines the line) nor "including" (it may say what the line must
# hold: terms._line_examples keeps it too).
COUNT_EXAMPLES = re.compile(
    r"(?:\bat\s+least|\ba\s+minimum\s+of|\bone\s+or\s+more|\b\d\s+or\s+more|>=|\u2265)\s*"
    r"(?:(?:one|two|three|1|2|3|\(\d\))\s*)?(?:(?:prior|previous|earlier|lines?\s+of|standard|systemic|anti-?cancer"
    r"|anti-?tumou?r|anti-?neoplastic|of|treatment|therapy)\s+)*(?:therap(?:y|ies)|treatments?|lines?|regimens?)\b"
    r"[^;()]{0,60}?(?:(?P<bracket>[(\[])\s*(?:e\.?\s?g\.?|such as|for example|for instance|eg\b)"
    r"|,\s*(?:e\.?\s?g\.?|such as|for example|for instance)|\s(?:e\.g\.|such as|for example))")


def count_examples(norm: str) -> list[tuple[int, int]]:
    """Spans of examples listed after a count of lines of any therapy (see above). A bracket ends at its close, an
    unbracketed list at ";" or the end."""
    spans: list[tuple[int, int]] = []
    for found in COUNT_EXAMPLES.finditer(norm):
        close = norm.find(")" if found.group("bracket") else ";", found.end())
        spans.append((found.end(), close if close >= 0 else len(norm)))
    return spans


NAIVE = guarded(
    r"\b(?:treatment|therapy|systemic therapy|systemic treatment)[\s-]*na[i\u00ef]ve\b|\bpreviously untreated\b"
    r"|\buntreated\s+(?:for\s+)?(?:locally advanced|advanced|metastatic|recurrent|stage|nsclc|non-small|lung|disease"
    r"|patients|subjects|participants)|\bna[i\u00ef]ve (?:to|for) (?:any )?(?:systemic |prior |anti-?cancer "
    r"|anti-?tumou?r )?"
    r"(?:therapy|treatment)"
    # ("have not received any anti-PD-1 or anti-CTLA-4 antibody" bans that class: only generic treatment is naive.)
    r"|\b(?:have|has) not (?:been )?(?:previously )?(?:treated|received any(?=\s+(?:(?:prior|previous|earlier|systemic"
    r"|anti-?cancer|anti-?tumou?r|anti-?neoplastic|other|form of|kind of|type of)\s+)*(?:treatments?|therap(?:y|ies)"
    r"|drugs?|medications?|regimens?)\b|\s*[.;,(]|\s*$))\b"
    r"|\b(?:no|without|none|never)\s+(?:any\s+)?(?:prior|previous)\s+(?:treatment|therapy|therapies"
    r"|treatments)\b(?!\s+with)"
    # "Patients must not have been previously treated (for metastatic disease)": the duty in other words.
    r"|\b(?:must|should|shall|may|can|did|do|does)\s+not\s+have\s+been\s+(?:previously\s+)?(?:pre-?)?treated\b"
    r"(?!\s+(?:with|by)\b)"
    r"|\bhaven't (?:accepted|received) any\b|\bnot (?:previously )?received any (?:prior )?(?:treatment|therapy)\b"
    # "Patients who have not (yet) started any systemic therapy": the start denied is no course begun.
    r"|\b(?:have|has|had)\s+not\s+(?:yet\s+)?(?:started|initiated|begun|commenced)\s+(?:any\s+)?(?:(?:first|1st)[\s-]*line"
    r"\s+|1l\s+|systemic\s+|anti-?cancer\s+|anti-?tumou?r\s+|palliative\s+)*(?:treatments?|therap(?:y|ies))\b(?!\s+with)"
    # "No prior first line therapy": the first line is the first of all.
    r"|\b(?:no|without|never)\s+(?:any\s+)?(?:prior|previous)\s+(?:first|1st)[\s-]*line\s+(?:(?:systemic|anti-?cancer)\s+)?"
    r"(?:treatment|therapy|therapies)\b(?!\s+with)"
    # "Subjects must not have received any treatment for metastatic lung cancer": said as a duty.
    r"|\b(?:must|should|shall|will|may|can|did|do|does)\s+not\s+have\s+(?:been\s+)?(?:previously\s+)?received\s+any\s+"
    r"(?:(?:prior|previous|systemic|anti-?cancer|anti-?tumou?r)\s+)*(?:treatments?|therap(?:y|ies))\b(?!\s+with)"
    # "Either untreated or progressed after one line", "are untreated or have relapsed": untreated alone, as one
    # of two ways in, said of the patient (not "brain metastases that are untreated or progressed").
    r"|\beither\s+(?:previously\s+)?untreated\b|(?:^[\W\d]*|\b(?:who|patients|subjects|participants|must|should)"
    r"\s+(?:be|are|is|were|remain)\s+)(?:previously\s+)?untreated\b(?=\s*,?\s+or\s+(?:who\s+)?(?:have\s+|has\s+|had\s+)?"
    r"(?:been\s+)?(?:progress|relaps|fail|recurr|received|completed|previously treated|pre-?treated|treated with))"
)
# Two entry times, the first before any treatment: "can be registered either before the start of first-line systemic
# treatment, or after 2-4 cycles of induction chemotherapy", "enrolled prior to initiating systemic therapy or upon
# completion of first-line chemo-immunotherapy". The untreated patient enters the first way; what the second asks of
# those already treated asks nothing of the untreated. (Not the study's own treatment: "before the start of study
# treatment" is a washout's point in time.)
BEFORE_FIRST_TREATMENT = guarded(
    # ("who have not started first-line treatment, or who have completed ...": the same entry in other words.)
    r"(?:\b(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?(?:(?:start(?:ing)?|initiat(?:ion|ing|e)|begin(?:ning)?"
    r"|commenc\w*|receiving|any)\s+(?:of\s+)?)?"
    r"|\b(?:have|has)\s+not\s+(?:yet\s+)?(?:started|initiated|begun|commenced)\s+)(?:(?:any|their|the|a|his|her)\s+)?"
    r"(?:(?:(?:first|1st|front)[\s-]*line|1l)\s+(?:(?:systemic|anti-?cancer|anti-?tumou?r|palliative|standard)\s+)*"
    r"|(?:systemic|anti-?cancer|anti-?tumou?r|palliative)\s+(?:(?:first|1st|front)[\s-]*line\s+)?)"
    r"(?:treatment|therapy|chemo\w*|regimen)s?\b"
    r"(?=[^.;]{0,40}?\bor\s+(?:\w+\s+){0,3}?(?:after|following|upon|on\s+completion|at\s+completion|once"
    r"|having|completed|who\s+(?:have|has)|during|while)\b)"
)
# "Brain metastases must not have been previously treated", "target lesions that have not been treated": the words
# are said of a lesion (its radiosurgery, resection or irradiation: the brain and measurable-disease rules), not of
# the patient's earlier lines. The lesion is the subject: only auxiliaries sit between it and the verb.
_LESION_SUBJECT = re.compile(
    r"\b(?:metastas[ie]s|mets|lesions?)\s+(?:\([^()]{0,40}\)\s+)?"
    r"(?:(?:that|which|must|should|shall|will|may|can|cannot|have|has|had|are|is|were|was|be|being|not|never|been"
    r"|yet|already|previously|prior|all|any|\w+n't)\s+)*$")
# "must not have been previously treated", "have never been pretreated": the treatment is denied, not asked for.
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:(?:have|has|had|been|be|being|yet|ever|already)\s+)*$")


# "... at least 1 brain metastasis >= 5 mm in longest dimension on MRI that has not been previously treated": a
# relative clause whose antecedent, measured and located in between, is a lesion. Its words are the lesion's (brain
# and measurable-disease rules), as when the lesion stands right before them. The nearest of a lesion and a person
# in front of "that/which" is the antecedent: "patients with brain metastases who ..." is said of the patients.
_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:(?:has|have|had|are|is|were|was|must|should|not|never|been|be|yet"
                       r"|already|previously|\w+n't)\s+)*$")
_LESION_NOUN = re.compile(r"\b(?:metastas[ie]s|mets|lesions?|(?:tumou?r|disease)\s+sites?|sites?\s+of\s+disease)\b")
_PERSON_NOUN = re.compile(r"\b(?:patients?|subjects?|participants?|persons?|people|individuals?|women|men|who|they)\b")


def _lesion_antecedent(norm: str, start: int) -> bool:
    """Whether the words at `start` open a relative clause ("that has not been ...") on a lesion named before it
    in the same clause."""
    rel = _RELATIVE.search(norm, max(0, start - 60), start)
    if rel is None:
        return False
    head = norm[max(0, start - 240):rel.start()]
    head = head[max(head.rfind(";"), head.rfind(". ")) + 1:]
    lesions = [m.end() for m in _LESION_NOUN.finditer(head)]
    people = [m.end() for m in _PERSON_NOUN.finditer(head)]
    return bool(lesions) and (not people or lesions[-1] > people[-1])


def said_of_lesion(norm: str, start: int) -> bool:
    """Whether the treatment words at `start` have a lesion as their subject ("brain metastases must not have been
    previously treated", "a brain metastasis >= 5 mm on MRI that has not been previously treated")."""
    return _LESION_SUBJECT.search(norm, max(0, start - 80), start) is not None or _lesion_antecedent(norm, start)


def denied(norm: str, start: int) -> bool:
    """Whether the treatment words at `start` are negated by the verb before them ("must not have been ...")."""
    return _NOT_BEFORE.search(norm, max(0, start - 40), start) is not None


# (Not "previously treated brain metastases": a lesion's treatment, not the patient's earlier lines.)
_LESION = (r"(?:\s+(?:and\s+)?(?:stable\s+|asymptomatic\s+)?"
           r"(?:brain|cns|central|metasta|lesion|leptomening|spinal|intracranial))")
_BE = r"(?:(?:be|are|is|was|were|have\s+been|has\s+been|who\s+are|who\s+were)\s+)?"
_ESCAPE_LIST = (
    r"\b(?:received|receipt\s+of|treated\s+with|progress\w*(?:\s+(?:on|after|following))?|fail\w*"
    r"|refractory\s+to|relapsed?\s+(?:on|after))\s*,?\s+"
    rf"(?:(?:or\s+)?{_BE}intoleran\w*\s+(?:of|to)\s*,?\s+)?(?:and/)?or\s+{_BE}"
    r"(?:ineligib\w*|not\s+(?:an?\s+)?(?:eligible|candidates?|suitable|fit)|unsuitab\w*|unfit)\s+(?:for|to\s+receive)\s+"
    r"(?:(?:the|an?|any|all|other|available|approved|established|effective|appropriate|standard|soc|systemic"
    r"|first-line|anti-?cancer|of|care|standard-of-care)[\s-]+){1,5}"
    r"(?:treatments?|therap(?:y|ies)|regimens?|options?|care)\b"
)
TREATED = guarded(
    rf"\bpreviously treated\b(?!\s+with|{_LESION})|\bpre-?treated\b(?!\s+with|{_LESION})"
    r"|\brelapsed (?:and|or|/) refractory\b"
    r"|\btreatment[- ]resistant\b|\brefractory (?:nsclc|disease|non-small|to (?:available )?standard)"
    # "Refractory to currently available treatment": to what exists, which is had.
    r"|\brefractory to (?:the )?(?:currently )?(?:available|existing|approved) (?:treatments?|therap(?:y|ies))\b"
    # ("Progressive disease during or after last treatment regimen": the disease's progression.)
    r"|\b(?:progress\w*(?:\s+disease)?|fail\w*|refractory|relapsed?|resistant|ineffective"
    # "No longer benefitting from standard anti-cancer treatment", "no longer responding to therapy": progression.
    r"|no\s+longer\s+(?:benefit\w*|respond\w*|controlled))\s+"
    # ("Failed (progression or intolerance) conventional treatment": an aside saying how it failed.)
    r"(?:\([^()]{1,40}\)\s+)?"
    # ("progressed during/following ...": a slash joins the two as well as "or".)
    r"(?:(?:on|after|to|following|during|with|of|or|while|from|by)(?:\s*/\s*|\s+)){0,4}"
    # ("Failed conventional treatment", "refractory to established therapies": standard treatment in other words.)
    r"(?:(?:the|any|a|prior|previous|last|most|recent|standard|conventional|established|usual|initial|systemic"
    r"|anti-?cancer|their|his|her)\s+){0,4}"
    r"(?:treatments?|therap(?:y|ies)|regimens?)\b"
    # "Received, be intolerant of, or be ineligible for standard of care / approved therapies", "progression on,
    # intolerance of, or ineligibility for standard therapy": a list of ways to meet one rule on standard therapy
    # (the ineligibility leaves a way in: STANDARD_ALTERNATIVE).
    rf"|{_ESCAPE_LIST}"
)
# A sentence's own alternative that admits anyone: "(or patients for whom the combination is adequate)".
# "Any prior treatment for advanced NSCLC": treatment in general, named without a drug or class.
GENERIC_TREATMENT = guarded(
    r"\b(?:(?:prior|previous(?:ly)?)\s+(?:systemic\s+)?"
    # "Prior chemotherapy or any other medical treatment for advanced NSCLC": the rest of the list, any treatment.
    r"|(?:or|and|and/or|nor)\s+any\s+other\s+(?:medical\s+|systemic\s+|anti-?cancer\s+|drug\s+)?)"
    r"(?P<what>treatments?|therap(?:y|ies)|regimens?)\b"
    # "prior therapy targeting LILRB": a class the vocabulary may not know, not every treatment.
    r"(?!\s*(?:with|status|history|and type|:|-?related|toxicit|line|(?:(?:directly|specifically|selectively)\s+)?"
    r"(?:targeting|directed|against|that targets?|aimed|inhibiting|blocking)))"
)
# "No standard therapy exists / is available", "standard therapy no longer provides benefit": for a patient
# with advanced NSCLC standard first-line therapy always exists, so these ask for earlier treatment; they
# are no way in for an untreated patient. ("No curative option" is not among them: true of stage IV disease.)
_NO_STANDARD_WORDS = (r"(?:(?:other|further|additional|effective|available|approved|acceptable|satisfactory|appropriate"
                      r"|known|life-prolonging|remaining)\s*,?\s+)*")
_STANDARD_THERAPY = (r"(?:standard|soc\b)(?:[\s-]+of[\s-]+care)?(?:\s*\(\s*soc\s*\))?\s+(?:(?:systemic|anti-?cancer"
                     r"|first-line|treatment)\s+)?(?:therap|treatment|options?|regimens?|care\b)")
_NO_STANDARD_BODY = (
    rf"(?:there\s+(?:is|are)\s+)?no\s+{_NO_STANDARD_WORDS}(?:{_STANDARD_THERAPY}|approved\s+therap|effective\s+therap"
    r"|therapeutic\s+options?|treatment\s+options?|(?:systemic\s+)?therap(?:y|ies)\s+(?:(?:is|are)\s+(?:available|exists?)|exists?\b))"
    # "standard curative or palliative measures do not exist": what the standard therapy is for, and "measures".
    r"|(?:the\s+)?(?:(?:standard|soc)\s+(?:of\s+care\s+)?(?:\(\s*soc\s*\)\s+)?"
    # "life-prolonging therapies do not exist", "approved therapies are no longer effective": the standard
    # therapy in other words.
    r"|(?=(?:life-prolonging|available|approved|effective|established)\s)"
    r"(?:(?:available|approved|effective|established)\s+)?)(?:systemic\s+)?"
    # ("Standard curative measures" alone: none exist for any stage IV disease, so no earlier line is asked.)
    r"(?:(?:(?:curative\s+(?:or|and|and/or)\s+)?palliative|life-prolonging)\s+)?"
    r"(?:therap(?:y|ies)|treatments?|options?|regimens?|measures|interventions)\s+(?:(?:is|are|was|were)\s+)?(?:(?:does|do)\s+not\s+exist|not\s+(?:available"
    r"|exist\w*)|unavailable|non-?existent|no\s+longer\s+(?:provides?|offers?|effective|available|beneficial)"
    # "available therapies are intolerable (or no longer effective)": had and not tolerated.
    r"|intolerable|not\s+tolerated)"
    # "without standard treatment options", "without any effective therapeutic alternatives": none left. Only with
    # "options" / "alternatives": "without standard therapy" alone may tell an untreated patient.
    rf"|without\s+(?:any\s+)?{_NO_STANDARD_WORDS}(?:(?:standard|soc\b)(?:[\s-]+of[\s-]+care)?\s+)?"
    r"(?:(?:systemic|anti-?cancer|treatment|therapeutic|therapy)\s+)?(?:options?|alternatives?)\b"
)
_NO_STANDARD = guarded(rf"\b(?:{_NO_STANDARD_BODY})|\bexhausted\s+(?:all\s+)?(?:available\s+)?(?:standard|soc\b)")
# Every match holds one of these (asked first: the pattern's own needles include the common "no").
_NO_STANDARD_WORDS_NEEDED = ("standard", "soc", "option", "therap")


class _NoStandard:
    """NO_STANDARD.search / finditer behind a word check."""

    @staticmethod
    def _possible(text: str) -> bool:
        return any(word in text for word in _NO_STANDARD_WORDS_NEEDED)

    def search(self, text: str) -> re.Match[str] | None:
        return _NO_STANDARD.search(text) if self._possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return _NO_STANDARD.finditer(text) if self._possible(text) else iter(())


NO_STANDARD = _NoStandard()
# "Has received all standard therapies", "progressed on all available treatments", "refractory to every approved
# therapy": every standard option used up (with NO_STANDARD, the kind that asks more than one earlier line).
_ALL_STANDARD = guarded(
    r"\b(?:all|every)\s+(?:(?:of\s+)?the\s+)?(?:(?:other|prior|systemic|lines?\s+of|of|care|known)[\s,/-]+){0,3}"
    r"(?:available|approved|standard|soc|effective|established|recommended|existing|conventional|indicated"
    r"|appropriate)\b[\s,/-]+(?:(?:available|approved|standard|soc|of|care|effective|systemic|anti-?cancer"
    r"|treatment|therapeutic|and|/)[\s,/-]+){0,4}(?:therap(?:y|ies)|treatments?|regimens?|options?|agents?|care)\b"
)
# Progression on treatment: "progressed on standard therapy, or for which no standard therapy exists" offers it as
# a way in of its own; "progressed on standard therapy for which no further therapy exists" does not. ("Relapsed
# or refractory tumour" names the disease, not a treatment it progressed on.)
# "Standard therapy no longer provides benefit" is progression on it too.
_PROGRESSED = re.compile(r"\b(?:(?:progress\w*|relapsed?|recurr\w*)\s+(?:on|after|following|during|with|despite|beyond)"
                         r"|(?:refractory|resistant)\s+(?:to|of)|fail\w*|no\s+longer\s+(?:provides?|offers?|effective"
                         r"|beneficial|benefit\w*|respond\w*|controls?))\b")
# "on or after", "refractory to or intolerant of": one way in said twice, not a second way in.
_ONE_WAY_OR = re.compile(r"\b(?:on|during|at|in|to|of)\s+or\s+(?:(?:is|are|be|been|become|became|[a-z]+ant|after"
                         r"|following|within|post)\s+)?(?:(?:to|of|on|after|following|within|post)\b)?")
_JOIN = re.compile(r"\b(?:or|and)\b")
ALL_WORD = guarded(r"\b(?:all|every)\b")


def _joined_by_or(gap: str, last: bool) -> bool:
    """Whether the conjunction nearest the standard-therapy phrase (the gap's last, or its first) is "or"."""
    joins = [m.group() for m in _JOIN.finditer(_ONE_WAY_OR.sub(" ", gap))]
    if not joins:
        return not gap.strip(" ,")  # "does not exist, no longer provides benefit, or ...": items of one list
    return joins[-1 if last else 0] == "or"


# "progressed on or after, or are intolerant of, all standard therapies", "refractory to, or intolerant of, every
# approved therapy", "progressed after or be intolerant to all available standard therapies": a second verb joined
# by "or" right before the standard-therapy phrase shares its object with the progression, so the progression is
# on ALL standard therapy, not a way in of its own.
_SHARED_OBJECT_VERB = re.compile(
    r"\bor\s*,?\s+(?:(?:is|are|be|been|was|were|has\s+been|have\s+been|became|become)\s+)?"
    r"(?:intoleran\w*|refractory|resistant|unable\s+to\s+tolerate|(?:did\s+)?not\s+tolerat\w*|failed|failing"
    r"|(?:progress\w*|relaps\w*)\s+(?:on|after|following|during))\s*(?:of|to|on)?\s*,?\s*$")

# The first verb with no object of its own: "progressed on or after,", "refractory to,", "progressed after".
_BARE_VERB = re.compile(r"(?:progress\w*|relaps\w*|recurr\w*|refractory|resistant|fail\w*)"
                        r"(?:\s+(?:on|after|following|during|to|of|or|with|beyond|despite))*\s*,?\s*")


def exhausted(norm: str) -> bool:
    """Whether a sentence asks that standard therapy be used up or absent ("for which no standard therapy exists",
    "has received all standard therapies"), with no progression on treatment offered as a way in of its own: a
    patient who has had some treatment may still have standard options left, which the profile cannot show."""
    # ("Standard therapy no longer provides benefit" is progression on it, not its absence.)
    found = [(m.start(), m.end()) for m in NO_STANDARD.finditer(norm) if "no longer" not in m.group()]
    if ALL_WORD.search(norm):
        found += [(m.start(), m.end()) for m in _ALL_STANDARD.finditer(norm)]
    if not found:
        return False
    for start, end in found:
        before = list(_PROGRESSED.finditer(norm, 0, start))
        after = _PROGRESSED.search(norm, end)
        gap = norm[before[-1].start():start] if before else ""
        if (shared := _SHARED_OBJECT_VERB.search(gap)) is not None and _BARE_VERB.fullmatch(gap, 0, shared.start()):
            gap = ""  # the verbs share the standard-therapy object: no way in of their own
        elif gap and _ALL_STANDARD.search(gap) and ALL_WORD.search(gap):
            # "progressed on (or intolerant to) all standard therapies ..., or for whom no standard therapy is
            # available": the progression is on ALL standard therapy, the used-up branch itself, not a way in.
            gap = ""
        if (before and gap and _joined_by_or(gap, True)) or (
                after and _joined_by_or(norm[end:after.start()], False)
                and not _SET_SUBJECT.search(norm, start, after.start())):
            return False
    return True


# "..., or available therapies are intolerable or no longer effective", "or the approved treatments have failed":
# the failure of every available therapy (the used-up branch said again), not progression on one as a way in.
_SET_SUBJECT = re.compile(r"\b(?:(?:all|the)\s+)*(?:available|approved|existing|standard|established|conventional)"
                          r"\s+(?:(?:standard|systemic|anti-?cancer)\s+)?(?:therapies|treatments|options|regimens)"
                          r"\s+(?:are|were|have\s+(?:been|become)|has\s+been)\b")


# The way in said with a substitute, not an escape: "(patients ineligible for cisplatin may receive carboplatin)" still
# asks for the platinum the sentence names; only the drug changes.
_SUBSTITUTE = (r"(?![^.;()]{0,60}?\b(?:may|can|could|should|will|must)\s+(?:instead\s+)?(?:have\s+)?(?:be\s+)?"
               r"(?:receiv|treat|given|us|substitut|switch))")
# Not "(stage IIIB) not amenable to curative therapy / combined modality treatment, or metastatic": unfit for a
# curative or local treatment, which describes the disease (its stage), not a way around the systemic one.
_NOT_LOCAL = (r"(?!\s+(?:[\w-]+\s+){0,2}?(?:curative|definitive|radical|local\w*|locoregional|combined[\s-]modality"
              r"|multi-?modal\w*|surg\w*|resect\w*|operat\w*|radi\w*|chemo-?radi\w*|transplant\w*|ablat\w*)\b)")
# An alternative to earlier standard therapy that an untreated patient may meet: refusing it, or not being
# a candidate for it. With one, "progressed on standard therapy" is a question for an untreated patient.
STANDARD_ALTERNATIVE = guarded(
    r"\b(?:refus\w*|declin\w*|reject\w*|ineligib(?:le|ility)|unsuitab(?:le|ility)|unfit|unwilling\w*|not\s+willing|inappropriate|contraindicat\w*"
    r"|not\s+(?:be(?:ing)?\s+)?(?:an?\s+)?(?:suitable|eligible|candidates?|appropriate|fit)"
    r"|(?:cannot|unable\s+to|not\s+able\s+to)\s+(?:receive|tolerate|be\s+treated)"
    # "or no therapies available": nothing at all said available (not "no standard therapy": standard first-line
    # therapy always exists), which a patient without access to it may meet.
    r"|no\s+(?:other\s+|further\s+)?(?:therap(?:y|ies)|treatments?)\s+(?:(?:is|are)\s+)?available)\b"
    # ... and every wording of the shared vocabulary ("not amenable to", "not considered a candidate for").
    rf"|\b{CANNOT_HAVE}{_NOT_LOCAL}{_SUBSTITUTE}"
)
# "or who are ineligible for standard therapy", "or, in the investigator's opinion, not a candidate for it", "or not
# amenable to X", "(or who rejected X)": a way in for those who cannot or will not have the treatment (the shared
# vocabulary), a few words after the "or"; and the same said first ("not candidates for, or progressed on, X").
_OR_CANNOT_HAVE = (rf"\bor\b[^.;]{{0,40}}?\b{CANNOT_HAVE}{_NOT_LOCAL}{_SUBSTITUTE}"
                   rf"|\b{CANNOT_HAVE}{_NOT_LOCAL}{_SUBSTITUTE}[^.;]{{0,80}}?\bor\b")
OPEN_ALTERNATIVE = guarded(
    # "or intolerant to" still means the treatment was had; "or refused it" means it was not.
    # (Not "or for which no standard therapy exists": see NO_STANDARD.)
    rf"\bor (?:(?:patients|subjects|those|participants) )?(?:for whom(?!\s+(?:{_NO_STANDARD_BODY}))"
    r"|who (?:refused|declined|refuse|decline|cannot"
    r"|could not|did not|are not|were not)|not (?:eligible|candidates?|suitable)|refused|declined|refuses?|declines?"
    # "... or have them contraindicated", "or is ineligible for it".
    rf"|for which(?!\s+(?:{_NO_STANDARD_BODY}))|(?:have|has) (?:them|it|this|these|those|been) contraindicated"
    r"|(?:(?:have|has|with) )?(?:a |an |any )?(?:medical |clinical )?contra-?\s?indications?"
    r"|(?:is|are|be|was|were) (?:contraindicated|ineligible|unsuitable|unable|not (?:eligible|suitable|candidates?))"
    r"|(?:are |is )?(?:unwilling\w*|not willing)"
    r"|ineligib(?:le|ility)|unsuitab(?:le|ility)|unfit|not fit)\b"
    # The refusal first: "patients who declined chemotherapy or whose disease progressed after it".
    # ("Decline first-line chemotherapy, or have progressed after adjuvant ...": the refusal as a bare verb.)
    # (Not "not candidates for surgical resection or definitive chemoradiation, or stage IV": the stage, _NOT_LOCAL.)
    r"|\b(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|(?:ineligible|unsuitable) for" + _NOT_LOCAL
    + r"|not (?:eligible|suitable|candidates?) for" + _NOT_LOCAL
    + r"|unable to (?:receive|tolerate)|contraindicat\w*|unwilling\w*|not willing"
    r"|(?:cannot|can not|unable to) be (?:treated|given|offered))\b[^.;]{0,80}?\bor\b"
    # "failed, did not tolerate or have refused X": the refusal a few words after the "or".
    r"|\bor\b[^.;]{0,20}?\b(?:refus\w*|declin\w*|unwilling\w*|not willing)"
    # "or patients aged 70+ unable to tolerate chemotherapy", "or cannot suffer", "or could not bear it", "or not fit
    # for chemotherapy": a group that cannot take the treatment (a closed list of bearing verbs).
    rf"|\bor\b[^.;]{{0,40}}?\b(?:(?:unable|not able|not fit|unfit) to|cannot|can ?not|can't|could not|couldn't)"
    rf" (?:{BEAR_VERBS})\b|\bor\b[^.;]{{0,40}}?\b(?:not fit|unfit) for\b"
    # "or osimertinib is not reimbursed" (said "cannot be received" by access_as_availability).
    r"|\bor\b[^.;]{0,40}?\bcannot be received\b"
    rf"|{_OR_CANNOT_HAVE}"
)
# Exposure words: a requirement read only from them ("at least 3 weeks since prior chemotherapy") is a
# washout when the sentence gives a time window.
PAST_WORD = re.compile(r"prior|previous|history|received|treated|had\b|used|use of|underw|undergone|exposure|exposed"
                       r"|pre-?exposed")
# ... unless the sentence says it plainly: "must have received platinum, the last dose at least 4 weeks ago".
MUST_HAVE_HAD = re.compile(r"\b(?:must|should|shall|need to|needs to|required to) (?:have )?(?:been |be )?"
                           r"(?:previously )?(?:received|had|been treated|undergone|completed|on)\b")
# A sample's timing ("a biopsy taken after progression on X") or a histology that changed after X ("or
# transformation to small cell after an EGFR TKI"): X is named for the sample or the change, so a
# failure is a question, not an exclusion.
SAMPLE_OR_CHANGE = guarded(
    r"\bbiops\w*|\bspecimens?\b|\bsamples?\b|\btransform\w*"
    r"|\btissue\s+(?:or\s+\w+\s+)?(?:blocks?|slides?|must|should|obtained|collected|taken|acquired)\b"
)
# "...; others must have had platinum chemotherapy": a rule for the patients a condition leaves out.
# ("...; others must ...", "Other patients: ..."; not the adjective of a list's last item: ", other immunotherapy")
OTHERS = guarded(r"(?:^\W*|[;:.,]\s*)(?:all\s+)?(?:others\b|other\s+(?:patients|participants|subjects)\b)"
                 r"|\b(?:all other|remaining|rest of the) (?:patients|participants|subjects)\b"
                 r"|\b(?:patients|participants|subjects|those) without (?:such|these|this|those|the above|them"
                 # "patients without an EGFR mutation must ...": a group named by its marker is a condition on the
                 # patients' findings, not "the others" (a gene or class after the article names it).
                 r"|an?\b(?!\s+(?:known|documented|identified|sensiti[sz]ing|activating|actionable|targetable"
                 r"|druggable|oncogenic|driver|genomic|molecular|aga|egfr|alk|ros1|kras|braf|met|ret|her2|erbb2"
                 r"|ntrk\d?|nrg1|t790m|c797s|l858r|g12c|v600e|exon)\b))\b")
# An exception for a part of the trial: "except patients enrolled in cohort B" leaves a way in.
EXCEPT_PART = re.compile(r"\b(?:cohorts?|arms?|parts?|phases?|groups?|modules?)\b")
# Sentences that define terms rather than set a rule: "... are considered to have received first-line therapy".
DEFINITION = guarded(r"\b(?:is|are|will be) (?:considered|regarded|counted|defined)\b|\bcounts? as\b|\bdefined as\b")
# "advanced solid cancer, defined as unresectable ... disease after at least 1 line": the definition is
# of the disease, and the sentence still sets its rule.
_DISEASE_DEFINED = re.compile(r"(?:cancer|disease|tumou?rs?|nsclc|malignancy|carcinoma)\W{0,3}$")


# "... or standard therapy is considered inappropriate", "or an investigational agent is considered standard of
# care": a judgement on the patient's options (a way in beside the rule), not a definition of terms.
_JUDGED = re.compile(r"\s+(?:to\s+be\s+|as\s+)?(?:medically\s+|clinically\s+)?(?:not\s+)?(?:in)?appropriate\b"
                     r"|\s+(?:to\s+be\s+|as\s+)?(?:not\s+)?(?:un)?suitable\b|\s+(?:to\s+be\s+|as\s+)?(?:in)?eligible\s+for\b"
                     r"|\s+(?:to\s+be\s+|as\s+)?(?:medically\s+)?contra-?\s?indicated\b|\s+(?:to\s+be\s+|as\s+)?unfit\b"
                     r"|\s+(?:to\s+be\s+|as\s+)?(?:the\s+)?(?:a\s+)?(?:standard[\s-]+of[\s-]+care|standard\s+(?:therapy|treatment))\b")


# "progression on X following a period of clinical benefit, defined as continuous treatment with X for >= 4 months":
# the definition is of the qualifier on a treatment asked for (MET_UNKNOWN reads it), the sentence is still a rule.
_QUALIFIER_DEFINED = re.compile(r"\b(?:benefit|response|disease\s+control|stable\s+disease)\s*,?\s*$")
# "Secondary resistance to ICI defined as progression after at least 12 weeks of ICI treatment", "acquired
# resistance to osimertinib, defined as ...": the outcome of a treatment asked for, defined; the sentence is a rule.
_OUTCOME_DEFINED = re.compile(r"\b(?:resistan(?:ce|t)|refractor(?:y|iness)|failure)\s+(?:to|on|of|after)\s+"
                              r"[^,;.()]{1,40}?\s*,?\s*$")


def definition(text: str) -> bool:
    """A sentence that defines treatment terms rather than setting a rule."""
    for match in DEFINITION.finditer(text):
        if match.group() == "defined as" and _DISEASE_DEFINED.search(text, max(0, match.start() - 20), match.start()):
            continue
        if match.group() == "defined as" and _OUTCOME_DEFINED.search(text, max(0, match.start() - 60), match.start()):
            continue
        if match.group() == "defined as" and match.start() > 40 \
                and _QUALIFIER_DEFINED.search(text, max(0, match.start() - 30), match.start()):
            continue
        if match.group().endswith(("considered", "regarded")) and _JUDGED.match(text, match.end()):
            continue
        return True
    return False


# A duration: what makes "prior to enrolment" a washout window rather than "ever, before enrolment".
DURATION = re.compile(rf"\b{_N}\s*(?:days?|weeks?|months?|years?|half[- ]lives)\b")


def strip_parens(text: str) -> str:
    """Text with bracketed asides removed (two passes cover one level of nesting)."""
    return PAREN.sub(" ", PAREN.sub(" ", text))


# Weak cue words that speak of the present ("during the treatment"): not an earlier treatment.
# ("Currently on X" stays a requirement: a drug taken now is one the profile lists.)
PRESENT_WORDS = ("during", "under")
_WEAK_START = ("after", "following", "post", "complet", "currently", "on ", "are on", "is on", "while on",
               *PRESENT_WORDS)
_OR_WORD = re.compile(r"\bor\b")
# Requirement cues that only say a treatment was had (not progression on it): a negation right before them
# ("never previously treated with") negates the exposure, as it does "prior".
_EXPOSURE_REQ = ("previously treated", "pretreated", "pre-treated")
_PRESENT_REQ = ("currently", "on ", "are on", "is on", "while on", "be on", "been on", "being on")
_AUXILIARIES = re.compile(r"(?:\s+(?:have|has|had|be|been|being|was|were|is|are|ever|yet))*\s*")

# Cues further than this many characters before a name do not govern it.
CUE_REACH = 110
WEAK_REACH = 28
# The words just left of the reach's cut, when they negate the verb the cut kept ("must not | have received prior
# systemic therapy for advanced/metastatic non-small cell lung cancer, including chemotherapy"): the cut fell inside
# one verb group, and without its "not" the exposure verb read as a requirement of every item (a naive patient
# excluded once the disease was spelt out instead of "NSCLC"). A run of negation, auxiliary and exposure words only.
_CUT_NEGATION = re.compile(r"\b(?:not|never|cannot|no)(?:\s+(?:have|has|had|be|been|being|ever|yet|previously"
                           r"|received|treated|with|prior|previous|any))*\s+$")
_NEGATION_WORD = re.compile(r"(?:not|never|cannot|no)\b")


def _reach_start(window: str) -> int:
    """Where the cue reach starts in `window`: CUE_REACH characters back, or further left to take in the negation
    of the verb group the cut fell into (the cut may fall inside a word, the negation itself included)."""
    cut = max(0, len(window) - CUE_REACH)
    if not cut:
        return 0
    word = cut
    while word > 0 and window[word - 1].isalnum():
        word -= 1
    if _NEGATION_WORD.match(window, word):
        return word
    negation = _CUT_NEGATION.search(window, max(0, word - 60), word)
    return negation.start() if negation else cut


def cue_with_word(window: str) -> tuple[Cue | None, str]:
    """The cue that governs a drug name, read from the words just before it, and its word.

    Weak cues ("after", "under", "during") count only right before the name: "after osimertinib",
    not "after the date of local approval for alectinib".
    """
    window = window[_reach_start(window):]
    found: list[tuple[str, str, int, int]] = []
    for match in _CUE.finditer(window):
        if match.group("weak") is not None:
            if len(window) - match.end() <= WEAK_REACH:
                found.append(("req", match.group(), match.start(), match.end()))
        else:
            found.append((str(match.lastgroup), match.group(), match.start(), match.end()))
    if not found:
        return None, ""
    last = found[-1]
    if last[0] == "fut":
        shared = _shared_with_refusal(window, found)
        if shared is not None:
            return "req", shared
    if last[0] == "req" and last[1].startswith(PRESENT_WORDS):
        # "during the treatment", "currently on X": the present, not an earlier treatment, unless a
        # stronger word comes just before ("progressed during X").
        before = found[-2] if len(found) > 1 else None
        if before and before[0] == "req" and not before[1].startswith(_WEAK_START) \
                and last[2] - before[3] <= WEAK_REACH:
            return "req", before[1]
        return None, ""
    negated = _negated_exposure(window, found)
    if negated is not None:
        return negated
    if last[0] == "past":
        # "no prior", "has not received": a negation followed only by exposure words. Not across "or":
        # "treatment-naive or have received prior therapy" offers two ways in.
        following = last
        for cue in reversed(found):
            if cue[0] == "neg":
                # "must not have been treated with X, or must have received X": the second way's own verb after
                # "or" ends the negation, however many exposure words stand between (_OR_HAD_AGAIN).
                if _OR_WORD.search(window, cue[3], following[2]) or _OR_HAD_AGAIN.search(window, cue[3], last[3]):
                    break
                return "neg", cue[1]
            if cue[0] == "fut" and _AUXILIARIES.fullmatch(window, cue[3], following[2]):
                return "fut", cue[1]  # "cannot be treated with X", "unable to be treated by X": what may come
            if cue[0] != "past":
                break
            following = cue
    return last[0], last[1]  # type: ignore[return-value]


# Refusal words: "refused", "declined", "unwillingness to receive", "not willing to accept".
_REFUSAL = re.compile(r"\b(?:refus\w*|declin\w*|unwilling\w*|not willing)")
# Not being a candidate for the treatment: "ineligible for", "not eligible for", "unsuitable for", "unfit for", "not
# a candidate for". Beside "received" or "intolerant of" in one list, it is a third way to meet the same rule.
_UNFIT = re.compile(r"\b(?:(?:in|not\s+)eligible|ineligibility|unsuitab(?:le|ility)|not\s+suitable|unfit|not\s+fit"
                    r"|not\s+(?:an?\s+)?candidates?)\s+for\b")
# Only list glue between a receipt cue and the "ineligible for" after it: "received, be intolerant of, or be ...".
_LIST_GLUE = re.compile(r"(?:[\s,]|\b(?:or|and/or|of|to|on|with|by|be|is|are|was|were|have|has|been|who|otherwise"
                        r"|patients?|subjects?|participants?)\b)*")
# Receipt cues that may open such a list ("received, intolerant of or ineligible for").
_RECEIPT = ("received", "treated with", "treated by", "had", "been given", "given")


def _shared_with_refusal(window: str, found: list[tuple[str, str, int, int]]) -> str | None:
    """ "Failed, did not tolerate or refused X", "failure of, intolerance to, or unwillingness to receive X": a
    failure cue and a refusal joined by "or" share the name after them. The failure cue's word (the name is asked
    for, and the refusal leaves a way in: cues.OPEN_ALTERNATIVE), or None. So does "received, be intolerant of, or
    be ineligible for X" (the ineligibility joined to the receipt by list words only)."""
    last = found[-1]
    # The ineligibility the last cue is part of ("not" + "candidates for" are two cues): where it starts.
    unfit_at = next((m.start() for m in _UNFIT.finditer(window, max(0, last[2] - 16))
                     if m.start() <= last[2] < m.end()), None)
    unfit = unfit_at is not None
    refused = bool(_REFUSAL.match(last[1]) or _REFUSAL.search(window, max(0, last[2] - 30), last[2]))
    if not (unfit or refused):
        return None
    edge = last[2] if unfit_at is None else unfit_at
    for cue in reversed(found[:-1]):
        if cue[2] >= edge:
            continue  # the "not" of "not candidates for"
        receipt = cue[0] == "past" and cue[1].startswith(_RECEIPT)
        if (cue[0] == "req" and not cue[1].startswith(_WEAK_START)) or (unfit and receipt):
            between = window[cue[3]:edge]
            if len(between) <= 60 and _OR_WORD.search(between) and "." not in between and ";" not in between \
                    and (refused or not unfit or _LIST_GLUE.fullmatch(between)):
                return cue[1]
            return None
    return None


def _negated_exposure(window: str, found: list[tuple[str, str, int, int]]) -> tuple[Cue | None, str] | None:
    """A negation right before the last cue, when that cue only says a treatment was (or is) taken.
    "Never previously treated with X", "has not been pretreated with X": the exposure negated. "Not currently
    receiving X", "not currently on treatment with X": the present only, which says nothing of the past (no cue).
    None when the last cue stands."""
    last = found[-1]
    if last[0] != "req" or not last[1].startswith(_EXPOSURE_REQ + _PRESENT_REQ):
        return None
    k = len(found) - 1
    # "currently on treatment with": one present run, each word next to the last.
    while k > 0 and found[k - 1][0] == "req" and found[k - 1][1].startswith(_PRESENT_REQ) \
            and _AUXILIARIES.fullmatch(window, found[k - 1][3], found[k][2]):
        k -= 1
    if k == 0 or found[k - 1][0] != "neg" or not _AUXILIARIES.fullmatch(window, found[k - 1][3], found[k][2]):
        return None
    if last[1].startswith(_EXPOSURE_REQ):
        return "neg", found[k - 1][1]
    return None, ""


def last_cue(window: str) -> Cue | None:
    """The cue that governs a drug name written after `window`."""
    return cue_with_word(window)[0]


# "Treatment-naive patients are not eligible", "Previously untreated patients are excluded", "... will not be
# enrolled": the untreated are refused, so the sentence asks for earlier treatment; read as a naive rule it shut out
# every treated patient instead. Not read as a naive rule (an untreated patient is then a miss, never a false
# exclusion of the treated). Also after a class: "Systemic therapy-naive subjects are not allowed",
# "Chemotherapy-naive patients are excluded" (REFUSED_NAIVE_CLASS).
REFUSED_AFTER = re.compile(r"(?:\s+(?:patients|participants|subjects|cases|individuals))?\s+(?:"
                            r"(?:(?:are|is|will|shall|may|can|could|must)\s+not|cannot)\s+(?:be\s+)?"
                            r"(?:eligible|enrol+(?:ed)?|included|allowed|permitted|accepted|recruited|considered"
                            r"|participate)|(?:are|is|will\s+be)\s+(?:excluded|ineligible))\b")


# "Chemotherapy-naive patients are not eligible", "Systemic therapy-naive subjects are not allowed": the patients
# without the class are refused, which asks for it; read word by word the class name took the clause's "not
# eligible" as its ban and excluded every patient who had it. The whole span is blanked (a miss for the untreated at
# worst, never a false exclusion of the treated).
REFUSED_NAIVE_CLASS = re.compile(r"(?:\b[\w/()-]+[\s-]+){0,4}?na[i\u00ef]ve" + REFUSED_AFTER.pattern)


def cue_after_name(text: str, end: int) -> Cue | None:
    """"EGFR TKI-naive", "EGFR-TKI resistance": a cue written straight after the name."""
    match = _AFTER_NAME.match(text, end)
    if not match:
        return None
    if match.group("fut"):
        return "fut"
    return "neg" if match.group("neg") else "req"


# "No previous therapy for advanced NSCLC is allowed": the "no" in front negates the allowance, a ban. Not a count
# ("No more than 2 prior lines are allowed") nor a lifted limit ("No restriction on prior therapy; ... allowed").
_NO_X_ALLOWED = re.compile(
    r"^\W*no\s+(?!(?:more|less|fewer|greater|longer|later|limits?|restrictions?|maximum|minimum|upper|lower|need"
    r"|washout|wash-out)\b)[^,;:]{0,120}?\b(?:is|are|will be|shall be|be)\s+(?:allowed|permitted|acceptable)\b")


# "or do not have access to osimertinib", "no access to X in the patient's country", "X not reimbursed": a fact
# the profile cannot show, never a ban on X. Said as "cannot receive X" / "X cannot be received", read as a
# way in beside the others (an untreated patient is a question).
_NO_ACCESS = re.compile(
    r"\b(?:(?:do|does|did)\s+not\s+have|(?:have|has|had|with)\s+no|without|lack(?:s|ing)?(?:\s+of)?|no)"
    r"\s+(?:\w+\s+)?access\s+to\b")
_NOT_REIMBURSED = re.compile(r"\bnot\s+(?:reimbursed|accessible|covered)\b|\binaccessible\b")


def access_as_availability(norm: str) -> str:
    """The sentence with "no access to X" said as "cannot receive X", "X not reimbursed" as "X cannot be received"."""
    if "access" not in norm and "reimburs" not in norm and "covered" not in norm:
        return norm
    return _NOT_REIMBURSED.sub("cannot be received", _NO_ACCESS.sub("cannot receive", norm))


# "X is neither required nor prohibited", "X: permitted, not required", "X is not exclusionary", "not a
# requirement": both ways stated, so no rule, though a ban word ("prohibited", "excluded") is in the clause.
_NO_RULE = guarded(
    r"\bneither (?:required|mandatory|necessary|needed|an? requirement)\b|\bnor (?:required|mandatory|necessary)\b"
    r"|\bnot (?:be )?(?:an? )?(?:requirement|prerequisite|exclusionary|exclusion criterion)\b"
    r"|\bnot (?:required|mandatory|necessary)\b"
    # "Previous chemotherapy regimens are not limited", "Prior anti-PD-1 therapy: unlimited", "There is no restriction
    # on prior chemotherapy": a permission (not "including but not limited to": a list goes on).
    r"|\bnot (?:be )?(?:limited|restricted)\b(?!\s+(?:to|by)\b)|\bunlimited\b|\bunrestricted\b"
    r"|\bno (?:restrictions?|limits?|limitations?|requirements?) (?:on|to|for|of|regarding|as to)\b"
    # "The number of prior TKIs is neither specified nor limited", "no maximum number of prior lines".
    r"|\b(?:neither|nor) (?:specified|limited|restricted|capped)\b(?!\s+(?:to|by)\b)"
    r"|\bno (?:maximum|upper limit|cap)(?: number)? (?:on|to|for|of)\b"
    # "Any number of prior systemic therapies", "any number of previous lines of therapy for advanced disease": a
    # count that includes none, said as the whole clause (not "..., including at least one platinum doublet").
    r"|^\W*(?:\w+\s*:\s*)?any number of (?:prior|previous|earlier|past)\s+(?:[\w/-]+\s+){0,3}?"
    r"(?:therap(?:y|ies)|lines?|regimens?|treatments?|tkis?|inhibitors?|agents?|drugs?)\b(?:\s+(?:of|for|in)\s+[\w\s/-]{0,40}?)?"
    r"(?:\s*\([^()]{0,40}\))?\s*[.;]?\s*$"
)


def no_rule_label(bare: str) -> bool:
    """"Prior osimertinib: neither required nor exclusionary": the label's one verdict says no rule."""
    head, colon, tail = bare.partition(":")
    return bool(colon) and ";" not in bare and ":" not in tail and _NO_RULE.search(tail) is not None \
        and not BAN.search(head)


# "Prior TRK or ROS1 TKI: allowed only in cohorts 3 and 4", "Previous immunotherapy: permitted", "Prior EGFR TKI:
# acceptable (maximum of 2)": a label whose one word after the colon lets the treatment in. The permission must open
# the tail ("Cohort B: must have had X, chemotherapy allowed" asks for X).
_PERMIT_TAIL = re.compile(r"^\W*(?:(?:is|are)\s+)?(?:also\s+)?(?:" + ALLOW_WORD + r"|eligible)\b")


def permit_label(bare: str) -> bool:
    """"Prior ROS1 TKI: allowed only in cohorts 3 and 4": the label names a treatment let in, asked of no one."""
    head, colon, tail = bare.partition(":")
    return bool(colon) and ";" not in bare and ":" not in tail and _PERMIT_TAIL.match(tail) is not None \
        and not BAN.search(head) and not BAN.search(tail) and not _NEGATION_WORD.search(head)


_NEGATION_WORD = re.compile(r"\b(?:no|not|never|without|none)\b")


# "Prior EGFR TKI: not allowed", "Previous anti-PD-1 therapy: excluded": a treatment label whose tail opens with a ban.
# Read as the plain "prior X not allowed" (the colon had split the label into a requirement and an empty ban).
_BAN_LABEL = re.compile(
    r"^(?P<head>\W*(?:any\s+)?(?:prior|previous|earlier|past)\b(?:[^:;.()]|\([^():;]{0,60}\)){2,80}):(?=\s*(?:not\s+(?:be\s+)?"
    r"(?:allowed|permitted|acceptable|eligible)|excluded|prohibited|disallowed|forbidden|exclusionary)\b)")


def ban_label(norm: str) -> str:
    """The sentence with the colon of a banned-treatment label made a space (same length)."""
    if ":" not in norm:
        return norm
    found = _BAN_LABEL.match(norm)
    if found is None or _NEGATION_WORD.search(found.group("head")):
        return norm
    return norm[:found.end("head")] + " " + norm[found.end("head") + 1:]


def clause_verdict(clause: str) -> Literal["ban", "permit", "late_neg"] | None:
    """A clause-wide "is not permitted" / "is permitted" / "has not been given"."""
    if "n" in clause and _NO_RULE.search(clause):
        return "permit"
    if BAN.search(clause) or ("no" in clause and _NO_X_ALLOWED.search(clause)):
        return "ban"
    if _PERMIT.search(clause):
        return "permit"
    if _LATE_NEG.search(clause):
        return "late_neg"
    return None


# "Must not have an active autoimmune disease that has required systemic treatment in past two years", "No
# interstitial lung disease requiring systemic therapy": the treatment is the other condition's, never the cancer's
# (whatever the window's wording). The words from the condition to the treatment are no prior-therapy rule.
_COMORBID_WORDS = ("requir", "need", "necessitat")
_COMORBID_TREATED = guarded(
    r"\b(?:autoimmun\w*(?:\s+(?:disease|disorder|condition)s?)?|infections?|disorders?|conditions?|syndromes?"
    r"|psoria\w*|pneumonitis|colitis|hepatitis|lupus|arthritis|vasculitis|sarcoid\w*|thyroiditis|diabetes|asthma"
    r"|eczema|dermatitis|crohn\w*|uveitis|myasthenia\w*|ild|interstitial\s+lung\s+disease|inflammatory\s+(?:bowel\s+)?"
    r"disease|lung\s+disease|(?:medical|clinical)\s+(?:disease|illness)|illness)\b[^.;()]{0,60}?"
    r"\b(?:(?:that|which)\s+)?(?:(?:has|have|had)\s+)?(?:ever\s+|previously\s+)?(?:requir\w*|need\w*|necessitat\w*)"
    r"\s+(?:(?:prior|previous|chronic|ongoing|active|any)\s+)?(?:(?:systemic|medical|disease[\s-]modifying|drug)\s+)?"
    r"(?:treatments?|therap(?:y|ies)|medications?)\b"
)


def comorbidity_treatment(norm: str) -> str:
    """The sentence with "<another condition> that required systemic treatment" made spaces (same length)."""
    if not any(word in norm for word in _COMORBID_WORDS) or not _COMORBID_TREATED.possible(norm):
        return norm
    for match in _COMORBID_TREATED.finditer(norm):
        start, end = match.span()
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return norm


# "ctDNA to predict progression in patients starting systemic therapy", "Monitoring for disease progression during
# first-line chemotherapy", "a biomarker to detect radiological progression early": the progression is the study's
# outcome, still to come, not a history the patient must have. ("Time to progression on prior X" dates a history.)
_OUTCOME_PROGRESSION = guarded(
    r"\b(?:to\s+)?(?:predict(?:s|ing|ion\s+of)?|detect(?:s|ing|ion\s+of)?|monitor(?:s|ing)?|forecast(?:s|ing)?"
    r"|anticipat(?:e|es|ing)|prevent(?:s|ing|ion\s+of)?|delay(?:s|ing)?|earl(?:y|ier)\s+detection\s+of)"
    r"(?:\s+(?:for|of))?(?:\s+(?:the|early|subsequent|future))?"
    r"(?:\s+(?:disease|tumou?r|radiologic(?:al)?|radiographic|clinical|intracranial|molecular))?\s+"
    r"(?P<word>progression|progressions|relapse|recurrence)\b"
)


def outcome_progression(norm: str) -> str:
    """The sentence with a progression the study is to predict or detect written as an outcome (same length)."""
    if "progress" not in norm and "relapse" not in norm and "recurrence" not in norm:
        return norm
    if not _OUTCOME_PROGRESSION.possible(norm):
        return norm
    return _OUTCOME_PROGRESSION.sub(lambda m: m.group()[:m.start("word") - m.start()]
                                    + "outcome".ljust(len(m.group("word")))[:len(m.group("word"))], norm)


# "Stage IIIB-IV or recurrent disease, or chemotherapy intolerant patients", "Advanced NSCLC (stage IIIB-IV) or
# chemotherapy-intolerant elderly patients": the intolerance is one way in beside a stage a patient meets without
# any treatment, never a requirement to have had the chemotherapy. (The first way in names no treatment.)
_STAGE_FIRST = re.compile(
    r"^\W{0,3}(?:[\w(),/-]+\s+){0,6}?(?:stages?\s+[iv1-4]|advanced|metastatic|recurrent|unresectable)\b[^;]*?\bor\s+")
_INTOLERANT_BRANCH = re.compile(
    r"\bor\s+(?:(?:elderly|older|frail|other|the)\s+)?(?:(?:patients|subjects|participants|those)\s+(?:who\s+(?:are|were)"
    r"\s+)?)?(?:(?:[\w-]+\s+){0,2}?chemo\w*[\s-]+intoleran\w*|intoleran\w*\s+(?:to|of)\s+(?:[\w-]+\s+){0,2}?chemo\w*)"
    r"[^.;,]{0,40}")
_TREATMENT_WORDS = re.compile(r"\b(?:after|following|progress\w*|fail\w*|received|treated|therap\w*|treatment|must"
                              r"|chemo\w*|prior|previous\w*)\b")


# "Progression on or after, or not a candidate for, standard therapy": a way in for a patient who never had the
# treatment, set between the verb and its object. The object is moved before the aside (same length), so the verb
# keeps it and the aside reads as the alternative it is ("..., or not a candidate for, ...").
_INTERPOSED_ALTERNATIVE = re.compile(
    r"\b(?:on|after|following|during|with|to|of)(?P<moved>\s*(?P<aside>,\s*or\s+(?:(?:be|is|are|was|were)\s+)?"
    r"(?:not\s+(?:an?\s+)?(?:suitable|eligible|candidates?|appropriate|fit)\s+(?:for|to\s+receive)"
    r"|(?:ineligible|unsuitable|unfit)\s+for|(?:who\s+)?(?:refused|declined)|contraindicated\s+(?:to|for))\s*,)"
    r"\s*(?P<object>[^,;.()]{2,80}))"
)


def interposed_alternative(norm: str) -> str:
    """The sentence with an alternative set between a verb and its object moved after the object."""
    if ", or " not in norm:
        return norm
    for found in reversed(list(_INTERPOSED_ALTERNATIVE.finditer(norm))):
        start, end = found.span("moved")
        moved = (" " + found.group("object").rstrip() + found.group("aside")).ljust(end - start)[:end - start]
        norm = norm[:start] + moved + norm[end:]
    return norm


# "Naive to, or progressed on, prior anti-PD-1 therapy", "naive to or previously treated with an EGFR TKI": two ways in
# sharing one object, the first ("naive to") left without it. Read as written, the object is only the second way's
# (required: every patient naive to it excluded). The object is said after both ("naive to X, or progressed on X"),
# which the reading takes as the two ways in it is. Only a bare "naive to" with "or" straight after it: "treatment-
# naive or progressed on X" names two different things.
_SHARED_OBJECT_NAIVE = re.compile(
    r"\bna[i\u00ef]ve\s+to\s*,?\s*(?P<second>(?:and/)?or\s+(?:(?:have|has|having|be|are|is|were|was)\s+)?"
    r"(?:(?:been|previously|already|either)\s+)*(?:(?:progressed|relapsed|recurred)\s+(?:on|after|following|during"
    r"|while\s+on)(?:\s+or\s+(?:after|following))?|received|had|failed|(?:pre-?)?treated\s+with|exposed\s+to"
    r"|(?:refractory|resistant)\s+to|intolerant\s+(?:to|of)))"
    r"\s*,?\s*(?P<object>[^,;.]{2,80}?)(?=\s*[,;.]|\s+\(|\s*$|(?P<next>\s+and\s+(?:(?:must|should)\s+)?(?:have|has|had|be"
    r"|are|is|were|was|received|progressed|not)\b))"
)


def shared_object_naive(norm: str) -> str:
    """The sentence with the object of "naive to, or <had> X" said after "naive to" too."""
    if "naive to" not in norm:
        return norm
    found = _SHARED_OBJECT_NAIVE.search(norm)
    if found is None or found.group("next"):
        # "... and have received at least one prior line": a requirement of its own after the two ways, which the
        # restated sentence would join to the second way only (the naive patient let in without it): left as is.
        return norm
    obj = found.group("object").strip()
    return f"{norm[:found.start()]}naive to {obj}, {found.group('second')} {obj}{norm[found.end():]}"


def stage_or_intolerant(norm: str) -> str:
    """The sentence with an "or chemotherapy-intolerant patients" way in after a stage made spaces (same length)."""
    if "intoleran" not in norm or " or " not in norm:
        return norm
    stage = _STAGE_FIRST.match(norm)
    if stage is None or _TREATMENT_WORDS.search(norm, 0, norm.find(" or ")):
        return norm
    for branch in _INTOLERANT_BRANCH.finditer(norm, stage.end() - 4):
        start, end = branch.span()
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return norm


# "Has received platinum-based chemotherapy (1 line), and may have received 1 prior anti-PD-1 antibody": a permission
# joined to a requirement by "and may have" is a clause of its own. Its "may" lets its own treatment in; it neither
# cancels nor softens the requirement before it.
_PERMISSION_JOIN = re.compile(r",?\s+and\s+(?=(?:may|can|could)\s+(?:also\s+|additionally\s+)?have\s+"
                              r"(?:been\s+|already\s+)?(?:received|had|been\s+treated|undergone)\b)")
_PERMISSION_CLAUSE = re.compile(r";\s*(?:may|can|could)\s+(?:also\s+|additionally\s+)?have\s[^;]*")


def permission_clause(norm: str) -> str:
    """The sentence with ", and may have received Y" after a first clause made "; may have received Y" (same
    length)."""
    if "have" not in norm or " and " not in norm:
        return norm
    return _PERMISSION_JOIN.sub(lambda m: ";".ljust(len(m.group())), norm)


def without_permission_clauses(text: str) -> str:
    """The text with its "; may have received Y" clauses made spaces (same length): what else the sentence says."""
    if ";" not in text:
        return text
    return _PERMISSION_CLAUSE.sub(lambda m: " " * len(m.group()), text)


def permission_spans(norm: str) -> list[tuple[int, int]]:
    """Where the sentence's "; may have received Y" clauses are."""
    return [m.span() for m in _PERMISSION_CLAUSE.finditer(norm)] if ";" in norm else []


# "Tissue obtained after the most recent systemic treatment is preferred", "a plasma sample collected after
# progression on the most recent EGFR-TKI is requested", "PD-L1 ... on a sample obtained after the last anticancer
# treatment, if any": when a sample was taken is the sample's logistics, no treatment the patient must have had (read
# as one, it asked naive patients for a line). Only the timing clause goes, up to where the sentence goes on ("is
# requested", ", if", ";"), so a treatment the sentence demands in words of its own is still read. Only for a sample
# the sentence asks for loosely (SAMPLE_ASKED_LOOSELY): "T790M detected in a biopsy obtained after progression during
# first-line gefitinib, erlotinib or afatinib" makes the progression part of the finding it requires.
SAMPLE_TIMING = guarded(
    r"\b(?:tissue|samples?|specimens?|biops(?:y|ies)|blocks?|slides?|material)\b\s*(?:\([^()]{0,40}\)\s*)?,?\s*"
    r"(?:(?:must|should|will|shall|can|may)\s+be\s+|(?:is|are|was|were|being|to\s+be)\s+)?"
    r"(?:(?:preferably|ideally|freshly|newly)\s+)?"
    r"(?P<when>(?:obtained|collected|taken|acquired|drawn|performed|done|biopsied)\s+"
    r"(?:(?:at\s+or|on\s+or|at\s+the\s+time\s+of\s+or)\s+)?(?:after|following|since|upon|before|prior\s+to|post)\b"
    r"[^;.]{1,160}?)"
    r"(?=\s+(?:is|are|was|were|must|should|will|shall|may|can|be|and\s+(?:is|are|must|should))\b"
    r"|\s*[;.]|\s*,\s*(?:if|and|but|unless|which|where|or|when|as|for)\b|\s*\(|$)",
    re.I)
SAMPLE_ASKED_LOOSELY = guarded(
    r"\b(?:preferred|preferably|ideally|not\s+(?:mandatory|required|obligatory)|optional|requested|encouraged"
    r"|exploratory|if\s+(?:any|available|feasible|possible)|where\s+(?:feasible|possible|available)|acceptable"
    r"|will\s+be\s+(?:collected|obtained|taken|drawn|requested))\b", re.I)


# "NSCLC of any histology, or SCLC progressing after chemotherapy", "Metastatic NSCLC, or mesothelioma that has
# progressed on platinum and pemetrexed": the progression clause tells the history of the other cancer a later
# alternative names; it does not bind the NSCLC patient of the earlier one. Only when a list mark stands before that
# cancer (so NSCLC is another item) and the cancer named there is not NSCLC: "NSCLC or SCLC, progressing after
# chemotherapy" and "SCLC or NSCLC progressing after chemotherapy" bind NSCLC as well and keep their clause.
_HISTORY_OF = guarded(r"\b(?:(?:that|which|who)\s+)?(?:(?:has|have)\s+)?(?:progress\w*|relaps\w*|recurr\w*"
                      r"|refractory|resistant)\s+(?:(?:on|after|following|to|during|despite)\b[\s/]*(?:or\s+)?)+"
                      r"[^;().]*?(?=\s*[;().]|,\s*(?:and|or|with|who|if|in|as|which)\b|$)", re.I)
_ALTERNATIVE_MARK = re.compile(r"[,;(]|\b(?:or|and/or)\b")


def other_cancer_history(norm: str) -> list[tuple[int, int]]:
    """Spans of progression clauses said of a non-NSCLC cancer a later alternative names (_HISTORY_OF)."""
    spans: list[tuple[int, int]] = []
    for found in _HISTORY_OF.finditer(norm):
        before = re.split(r"[;()]", norm[max(0, found.start() - 80):found.start()])[-1]
        marks = list(_ALTERNATIVE_MARK.finditer(before))
        if not marks or marks[-1].end() >= len(before.rstrip(" ,")):
            continue
        named = cancers_named(before[marks[-1].end():])
        if named and not INCLUDES_NSCLC.intersection(named):
            spans.append(found.span())
    return spans


# "Relapsed after at least one prior systemic therapy. Exception: in Cohort 2 only, treatment-naive patients may enrol
# if they are unsuitable for platinum", "... Previously untreated participants are also eligible": a sentence after the
# requirement that lets untreated patients in. It states no treatment of its own (read as one, "unsuitable for
# platinum" became a platinum allowance beside a naive rule, and pretreated patients were left a question); it makes
# the requirement beside it a question for the untreated, never an exclusion.
NAIVE_WAY_IN = guarded(
    r"(?:^|(?<=[.;:]))\s*(?:(?:exceptions?|note)\s*[:-]\s*)?"
    r"(?:(?:in|for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:cohorts?|parts?|arms?|groups?)(?:\s+[\w-]+)?(?:\s+only)?\s*,\s*)?"
    r"(?:(?:treatment|therapy|systemic[\s-]+(?:therapy|treatment))[\s-]*na[i\u00ef]ve|previously\s+untreated|untreated)"
    r"\s+(?:patients|participants|subjects)\s+"
    r"(?:(?:may|can|could|will)\s+(?:also\s+)?(?:be\s+)?(?:enrol+(?:ed)?|included|eligible|participate|join|enter"
    r"|recruited)|are\s+(?:also\s+)?(?:eligible|allowed|permitted|accepted))\b[^.;]*", re.I)
