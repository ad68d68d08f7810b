"""Pieces of one criterion written as separate bullets, put back together before any dimension reads them.

A clause that changes another clause often sits in its own bullet: an "or" alternative ("* EGFR exon 19
deletion or L858R mutation," / "* or ALK rearrangement"), an exception ("* Known brain metastases," /
"* unless treated and stable"), or the flat items of a list opened by "one of the following:". Read alone,
each piece is a requirement of its own, so a patient who meets one alternative is excluded by the other.
Here a bullet that ends in "or" takes the next one in, a bullet that opens with a continuation word
("or", "unless", "except", an allowing "Note:") goes into the one before, and the flat items after an
inclusion lead-in that asks for one of them become its sub-bullets, which every dimension already reads
as alternatives.
"""

from __future__ import annotations

import re
from typing import TypeVar

from trialmatch.criteria.rules.reader.scope import MARKS, read_scope

S = TypeVar("S", bound=str)  # the section: "inclusion" / "exclusion"

# "..., or" / "; or" / "and/or" / "OR": the alternative goes on in the next bullet.
_ENDS_OR = re.compile(r"\b(?:and/)?or[\s,;:]*$", re.I)  # tried on a line's last characters only (_ends_or)
_OPENS_OR = re.compile(r"(?:and/)?or\b", re.I)
# A bullet no requirement opens with: it goes on from the one before ("Or patients with ...", "and/or ...",
# "Except: ...", "Exception: ...", "Exceptions include ...").
_OPENS_CONTINUATION = re.compile(r"(?:and/)?or\b|except(?:ions?)?\s*[:\-]|exceptions? (?:include|are|is)\b", re.I)
# Lower case: "unless treated and stable", "except those who ...", "if treated", "provided that ...". Capitalised,
# such a word may open a requirement of its own ("Unless otherwise specified, patients must ...", "Except for hair loss,
# all adverse events must have recovered", "If female, ..."), so only a short one without a comma goes on.
_OPENS_LOWER = re.compile(r"(?:unless|except|excepting|with the exception|provided|providing|as long as|if|only if|but"
                          r"|when)\b")
_OPENS_CAPITAL = re.compile(r"(?:Unless|Except|Excepting|With the exception|Provided|Providing)\b(?! otherwise)")
# "Note: patients with treated brain metastases may participate": an allowance that changes the bullet before;
# a note that only adds a requirement ("Note: contraception required") stays a criterion of its own.
_NOTE = re.compile(r"(?:notes?|nb|n\.b\.|please note)\s*[:\-]", re.I)
_ALLOWS = re.compile(r"\b(?:eligible|allowed|permitted|acceptable|may (?:be )?(?:participate|enrol|enroll|included|"
                     r"entered|enrolled)|can (?:be )?(?:participate|enrol|enroll|included|enrolled)|not (?:be )?"
                     r"(?:excluded|counted|considered))\b", re.I)
# An inclusion lead-in that asks for any one of the items after it ("Patients must meet one of the following:",
# "Tumor must have 1 of the following:", "Either:", "at least one of:", "(a) or (b):").
_ONE_OF = re.compile(r"\b(?:one|1|\(1\))(?:\s+\(1\))?\s+(?:or more\s+)?of\b|\bany (?:one )?of\b"
                     r"|\beither\b"
                     r"|\(?\b[a-e1-5]\)\s+or\s+\(?[a-e1-5]\)", re.I)
# ...unless it bans them ("must not have any of the following:") or opens the exclusions.
_BANS = re.compile(r"\b(?:not|no|none|neither|nor|without|never|exclu\w*|ineligible)\b", re.I)

# A lead-in that lets a GROUP in on a condition ("Stable disease allowed provided 1 of the following criteria is met:",
# "Patients older than 75 may enrol only if one of the following applies:", "If prior immunotherapy, any of the
# following:"): its items are that group's condition, not requirements for everyone. "Patients are eligible if they
# meet one of the following:" names no group (everyone): an ordinary lead-in.
_GROUP_ALLOWED_IF = re.compile(
    r"^(?P<subject>[^:;]{0,160}?)\s*\b(?:is|are|will be|shall be|may be|can be|would be|be)?\s*"
    r"(?:allowed|permitted|acceptable|accepted|eligible"
    r"|may (?:also )?(?:enrol|enroll|participate|be (?:enrolled|included|eligible))"
    r"|can (?:enrol|enroll|participate|be (?:enrolled|included)))\b[^:;]{0,30}?"
    r"\b(?:provided|providing|only if|if|as long as|when|on condition)\b[^:;]{0,80}:\s*$",
    re.I,
)
_OPENS_IF = re.compile(r"^\W{0,3}(?:if|where|in case|in the case of)\b[^:;]{3,120}:\s*$", re.I)
_EVERYONE = re.compile(r"^\W{0,3}(?:all\s+)?(?:patients?|participants?|subjects?|individuals?|they|you)\W*$", re.I)


def conditional_lead_in(text: str) -> bool:
    """A lead-in whose items let one group in on a condition: they bind that group alone (and only the group's
    members who meet none of them), so for anyone they are a question at most."""
    clean = _clean(text)
    if not clean.endswith(":") or len(clean) > 300 or (":" in clean[:-1] and not _OPENS_IF.match(clean)):
        clean = clean[:-1].rsplit(":", 1)[-1].strip() + ":" if clean.endswith(":") else ""
    if not clean:
        return False
    if _OPENS_IF.match(clean):
        return True
    match = _GROUP_ALLOWED_IF.match(clean)
    return match is not None and _EVERYONE.match(match.group("subject")) is None and bool(match.group("subject"))


def asks_one_of(text: str) -> bool:
    """An inclusion lead-in asking for any one of the items under it (and not banning them)."""
    clean = _clean(text)
    return _ONE_OF.search(clean) is not None and _BANS.search(clean) is None


# What an item is about, to see where a flat list of alternatives ends: an item about something else
# ("ECOG 0-1" after "EGFR mutation" / "ALK rearrangement") is the next requirement, not another alternative.
_TOPICS = {
    "brain": re.compile(r"brain|\bcns\b|central nervous|intracranial|leptomening|spinal cord", re.I),
    "performance": re.compile(r"\becog\b|performance status|karnofsky|\bkps\b|zubrod|\bps\b", re.I),
    "marker": re.compile(r"mutat|rearrang|fusion|alteration|amplif|express|positiv|negativ|wild[- ]type|driver"
                         r"|\b(?:egfr|alk|ros1|kras|braf|met|ret|her2|erbb2|ntrk\w*|nrg1|pd-?l1|tps|t790m)\b", re.I),
    "treatment": re.compile(r"prior|previous|progress|receiv|treat|therap|chemo|\btki|inhibitor|\bline|regimen"
                            r"|refus|intoleran|fail|relaps|platinum|immuno|\w+(?:mab|nib)\b", re.I),
    "disease": re.compile(r"stage|histolog|cytolog|carcinoma|nsclc|cancer|tumou?r|squamous", re.I),
}


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").replace("__", "").split())


def _topics(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _TOPICS.items() if pattern.search(text))


# The first words a continuation can open with: most bullets open with none, and skip the patterns below.
_FIRST_WORDS = frozenset({"or", "and/or", "unless", "except", "exception", "exceptions", "excepting", "with",
                          "provided", "providing", "as", "if", "only", "but", "when", "note", "notes", "nb", "n.b.",
                          "please"})


# The last characters a bullet ending in "or" can have: most bullets end with another and skip the test.
_OR_LAST = frozenset("rR \t*_,;:")


def _ends_or(text: str) -> bool:
    last = text[-1:]
    if last not in _OR_LAST and last.isascii():
        return False
    tail = text[-16:].rstrip(" \t*_,;:")
    return tail[-2:].lower() == "or" and _ENDS_OR.search(text[-16:]) is not None


# Their first letters, either case, and the bold marks _clean() takes off before the first word.
_FIRST_CHARS = frozenset("".join(word[0] + word[0].upper() for word in _FIRST_WORDS) + "*_")


def _may_continue(text: str) -> bool:
    """Whether the bullet (stripped) opens with a word a continuation can open with (the cheap tests first: most
    bullets' first letter already rules it out; a letter beyond ASCII may lower-case to an ASCII one)."""
    first = text[:1]
    if first not in _FIRST_CHARS and first.isascii():
        return False
    return _clean(text[:16]).split(" ", 1)[0].lower().rstrip(":-,") in _FIRST_WORDS


def _continues_before(text: str) -> bool:
    """A bullet that goes on from the one before it."""
    if _OPENS_CONTINUATION.match(text) or _OPENS_LOWER.match(text):
        return True
    if _OPENS_CAPITAL.match(text):
        return "," not in text
    note = _NOTE.match(text)
    return note is not None and _ALLOWS.search(text, note.end()) is not None


def join_continuations(items: list[tuple[str, S, int, bool]]) -> list[tuple[str, S, int, bool]]:
    """The items with every continuation joined to the criterion it continues (same section)."""
    joined: list[tuple[str, S, int, bool]] = []
    open_or = False  # the last item kept ends in "or": the next one of its depth is its other alternative
    for position, (text, section, depth, bullet) in enumerate(items):
        clean = text.strip()  # squashed and without bold marks only where a join is possible (below)
        target: int | None = None
        if text.startswith(MARKS):  # a line that only names a group: no piece of a criterion
            joined.append((text, section, depth, bullet))
            open_or = False
            continue
        if clean and open_or and joined[-1][1] == section and joined[-1][2] == depth:
            target = len(joined) - 1
        elif clean and _may_continue(clean):
            clean = _clean(clean)
            target = _target(joined, items, position) if _continues_before(clean) else None
        if target is not None and (_for_another_cancer(clean) or _for_another_cancer(_clean(joined[target][0]))):
            target = None  # "imatinib for GIST, or" / "chemotherapy for SCLC": each piece keeps the cancer it names
        if target is None:
            joined.append((text, section, depth, bullet))
            open_or = _ends_or(clean)
            continue
        before, _, before_depth, before_bullet = joined[target]
        joined[target] = (_joined(before, text), section, before_depth, before_bullet)
        open_or = target == len(joined) - 1 and _ends_or(clean)
    return joined


def _for_another_cancer(text: str) -> bool:
    """A piece whose own words name another cancer as its group: joined to the next, that scope would be lost."""
    own = read_scope(text)[1]
    return own is not None and own.other_disease


# The mark of a lettered, numbered or roman item: "b. ", "2) ", "(ii) ".
_NEXT_MARK = re.compile(r"^\(?(?:[a-h]|[1-9]|i{1,3}|iv|v)[.)]\s+(?=\S)", re.I)


def _joined(before: str, after: str) -> str:
    """Two bullets as one criterion. Before an "or" the first one's full stop goes ("Patients with EGFR-mutant
    NSCLC." / "Or patients with ALK-positive NSCLC."), so that no reader cuts the alternatives into sentences."""
    before, after = before.rstrip(), after.strip()
    if _ends_or(before):
        # "a. Prior gefitinib; or" / "b. Prior osimertinib": the next item's mark ("b.") would end a sentence there
        # and cut the alternatives apart.
        after = _NEXT_MARK.sub("", after, count=1) or after
    if _OPENS_OR.match(after):
        before = before[:-1] if before.endswith(".") else before
        after = after[0].lower() + after[1:] if after[1:2].islower() else after  # "Or" -> "or"; "OR" stays
    return f"{before} {after}"


def _target(joined: list[tuple[str, S, int, bool]], items: list[tuple[str, S, int, bool]], position: int) -> int | None:
    """The criterion the continuation at `position` goes into, in its section, or None.

    A plain line ("OR" between two sub-bullets) has no depth of its own: it goes into the last criterion. A
    bullet goes into the last one of its depth (its sibling: "* Known brain metastases," / "* unless treated"),
    skipping that sibling's sub-bullets, or else into its parent when it is the parent's only sub-bullet ("* Prior
    EGFR TKIs" / "  * Exception: first-generation TKIs are eligible"); among several sub-bullets the dimensions
    read it with its parent already. Never into a lead-in or heading (ending with a colon), nor into a note.
    """
    _, section, depth, bullet = items[position]
    for there in range(len(joined) - 1, -1, -1):
        text, there_section, there_depth, _ = joined[there]
        if there_section != section:
            return None
        if bullet and there_depth > depth:
            continue
        clean = _clean(text)
        if clean.endswith(":") or _NOTE.match(clean):
            return None
        if bullet and there_depth < depth:
            later = items[position + 1] if position + 1 < len(items) else None
            only_child = there == len(joined) - 1 and (later is None or later[1] != section or later[2] < depth)
            return there if only_child else None
        return there
    return None


_LEAD_IN_LAST = frozenset(": \t*_")  # the last character of a lead-in (its colon, or marks after it)


def _is_lead_in(text: str, section: str) -> bool:
    if section != "inclusion" or text[-1:] not in _LEAD_IN_LAST or not text.rstrip(" \t*_").endswith(":"):
        return False
    clean = _clean(text)
    return (section == "inclusion" and clean.endswith(":") and len(clean) <= 300 and _ONE_OF.search(clean) is not None
            and _BANS.search(clean) is None)


def nest_alternatives(items: list[tuple[str, S, int, bool]]) -> list[tuple[str, S, int, bool]]:
    """Flat items after an inclusion lead-in asking for one of them, moved under it as sub-bullets."""
    nested = list(items)
    position = 0
    while position < len(nested):
        text, section, depth, _ = nested[position]
        if _is_lead_in(text, section):
            position = _nest_after(nested, position, section, depth)
        position += 1
    return nested


def _nest_after(items: list[tuple[str, S, int, bool]], lead: int, section: S, depth: int) -> int:
    """Move the flat list after the lead-in at `lead` one level down; return the position of its last item.

    The list runs over the next items of the lead-in's depth while they are about what the items before them
    are about (a marker, a treatment, brain metastases, ...): a flat list has no mark where it ends, and the
    requirement after it ("ECOG 0-1") is about something else. It also ends at the next lead-in or heading
    (an item ending with a colon), a change between bullets and plain lines, or the end of the section."""
    if lead + 1 >= len(items) or items[lead + 1][2] != depth or items[lead + 1][1] != section:
        return lead  # already nested (sub-bullets), or nothing after it
    shared: frozenset[str] | None = None  # the topics every item so far is about
    last = lead
    for position in range(lead + 1, len(items)):
        text, there_section, there_depth, bullet = items[position]
        if there_section != section or there_depth < depth:
            break
        if there_depth > depth:
            continue  # a sub-bullet of an item: moves with it
        clean = _clean(text)
        if position > lead + 1 and _OPENS_OR.match(clean):
            # "* OR" / "* declined standard treatment." after the items (joined): the last way in, so the list
            # ends with it; the bullet after it ("Patients with 3 or fewer brain metastases are eligible") is the
            # next requirement, however its topics look.
            last = position
            break
        topics = _topics(clean)
        if clean.endswith(":") or bullet != items[lead + 1][3]:
            break
        if shared is not None and not (topics & shared if shared else not topics):
            break
        shared = topics if shared is None else shared & topics
        last = position
    end = last + 1 + _children(items, last, depth)
    for moved in range(lead + 1, end if last > lead else lead + 1):
        text, there_section, there_depth, bullet = items[moved]
        items[moved] = (text, there_section, there_depth + 1, bullet)
    return end - 1 if last > lead else lead


def _children(items: list[tuple[str, S, int, bool]], position: int, depth: int) -> int:
    """How many items right after `position` sit deeper than `depth` (its sub-bullets)."""
    count = 0
    while position + 1 + count < len(items) and items[position + 1 + count][2] > depth \
            and items[position + 1 + count][1] == items[position][1]:
        count += 1
    return count
