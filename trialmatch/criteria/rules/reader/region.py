"""A criterion written for the patients of one country, region or group of sites.

Global trials carry country rules: "Japan part: prior osimertinib required", "Chinese patients: PD-L1
TPS >= 50%", "For participants in Germany: ECOG 0-1", "Korea only: prior anti-PD-1", "... (China only)",
"In the EU cohort, ...", "Patients enrolled at US sites must ...". A profile has no country, so such a
rule can only be a question (reader/apply.py). The place must open the criterion as its group
("Japan part:", "For sites in the EU:", "Patients in mainland China:") or stand in an aside that says
only that ("(Taiwan sites only)"); a place named inside the rule's content ("approved in the EU", "US
FDA-approved test", "Japanese encephalitis vaccine", "Chinese hamster ovary") is no scope. A criterion
that also gives the rule for everywhere else ("...; elsewhere ECOG 0-2", "(Japan cohort) or ...
(global)") lists alternatives, read by the dimension as it was. Patterns are anchored: linear in the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Places as written: the name of the country or region, or its adjective (mapped to the name for the reason).
# Case-sensitive: "US", "EU" are places, "us" is not.
_ADJECTIVES = {"Japanese": "Japan", "Chinese": "China", "Korean": "Korea", "Taiwanese": "Taiwan", "French": "France",
               "German": "Germany", "Italian": "Italy", "Spanish": "Spain", "Canadian": "Canada",
               "Australian": "Australia", "European": "Europe", "Brazilian": "Brazil", "Indian": "India",
               "Russian": "Russia", "Polish": "Poland", "Dutch": "the Netherlands", "Belgian": "Belgium",
               "Swiss": "Switzerland", "Israeli": "Israel", "Turkish": "Turkey", "Mexican": "Mexico",
               "Thai": "Thailand", "Vietnamese": "Vietnam", "Malaysian": "Malaysia", "Singaporean": "Singapore",
               "British": "the UK", "American": "the US"}
_NAMES = ("Japan", "(?:mainland |the People's Republic of |P\\.?R\\.? )?China", "(?:South |the Republic of )?Korea",
          "Taiwan", "Hong Kong", "Singapore", "India", "Thailand", "Vietnam", "Malaysia", "the Philippines",
          "Philippines", "France", "Germany", "Italy", "Spain", "Poland", "the Netherlands", "Netherlands", "Belgium",
          "Switzerland", "Austria", "Sweden", "Denmark", "Norway", "Finland", "Israel", "Turkey", "Russia",
          "Canada", "Mexico", "Brazil", "Argentina", "Australia", "New Zealand", "(?:the )?UK", "(?:the )?U\\.?K\\.",
          "(?:the )?United Kingdom", "(?:the )?United States(?: of America)?", "(?:the )?USA", "(?:the )?US",
          "(?:the )?U\\.S\\.(?:A\\.)?", "(?:the )?EU", "(?:the )?EEA", "(?:the )?European Union", "Europe",
          "North America", "Latin America", "Asia(?:[\\s-]Pacific)?", "APAC", "Global", "global")
_NAME_WORDS = "|".join(sorted(_NAMES, key=len, reverse=True))
_ADJECTIVE_WORDS = "|".join(sorted(_ADJECTIVES, key=len, reverse=True))


def _place(tag: str) -> str:
    """A place, in a group named for where it stands in a pattern (a name may appear once in a pattern)."""
    return rf"(?-i:(?P<place{tag}>{_NAME_WORDS}|(?P<adj{tag}>{_ADJECTIVE_WORDS})))(?![\w-])"


# A cheap look before the patterns: most criteria name no place.
_ANY_PLACE = re.compile(r"\b(?:Japan|China|Korea|Taiwan|Hong Kong|Singapore|India|Thai|Vietnam|Malaysia|Philippines"
                        r"|France|Germany|Italy|Spain|Poland|Netherlands|Belgium|Switzerland|Austria|Sweden|Denmark|Norway"
                        r"|Finland|Israel|Turkey|Russia|Canada|Mexico|Brazil|Argentina|Australia|New Zealand|UK|U\.|US"
                        r"|United|EU|EEA|Europe|America|Asia|APAC|Global|global|"
                        + "|".join(_ADJECTIVES) + ")")
_WHO = r"(?:patients|participants|subjects|those|individuals|pts|sites?|centres?|centers?|investigational\s+sites)"
_WHERE = r"(?:(?:enrolled|recruited|treated|included|registered|located|randomi[sz]ed|participating)\s+)?(?:in|at|from)"
# What may follow the place inside its group's name: "Japan part", "China extension cohort", "Taiwan sites only".
_TAIL = (r"(?:\s+(?:only|sites?|centres?|centers?|patients|participants|subjects|pts|cohorts?|parts?|portion|arms?"
         r"|sub-?stud(?:y|ies)|extension|expansion|population|study|region|substudy"
         # "Japan Safety Run-in:", "China monotherapy dose escalation:": what the place's part does.
         r"|safety|(?:run|lead)-?in|dose|escalation|monotherapy|combination))*")
_GROUP_TAIL = (r"(?:\s+(?:sites?|centres?|centers?|patients|participants|subjects|pts|cohorts?|parts?|portion|arms?"
               r"|sub-?stud(?:y|ies)|extension|expansion|population|substudy))")
_OPENING = re.compile(
    r"^\W{0,3}(?:"
    # "For participants in Germany:", "In China only:", "For sites in the EU:", "In the EU cohort,"
    rf"(?:in|for|at|among)\s+(?:(?:the\s+)?{_WHO}\s+{_WHERE}\s+)?(?:the\s+)?{_place('0')}{_TAIL}\s*(?::|,|\s-\s)"
    # "Patients enrolled at US sites must ...", "Patients in mainland China:"
    rf"|(?:patients|participants|subjects|those|pts)\s+{_WHERE}\s+(?:the\s+)?{_place('1')}{_TAIL}"
    r"\s*(?::|,|(?=\s+(?:must|should|shall|need|are|will|who|may|can|have)\b))"
    # "Japan part:", "Korea only:", "Chinese patients:", "China extension cohort:", "Japan:"
    rf"|{_place('2')}{_TAIL}\s*(?::|\s-\s)"
    # "Japanese patients must ...", "US sites only -"
    rf"|{_place('3')}{_GROUP_TAIL}{_TAIL}(?=\s+(?:must|should|shall|need|are|will|may|can|have)\b)"
    r")",
    re.I,
)
# "(China only)", "(Taiwan sites only)", "[Japan cohort]", "(for US sites)": an aside that only names the place.
# "(only for patients enrolled in China)", "(for participants in Japan only)": the same aside, with its group said.
_ASIDE = re.compile(
    r"[(\[]\s*(?:"
    rf"(?:(?:in|for|at)\s+)?(?:the\s+)?{_place('4')}(?:{_GROUP_TAIL}|\s+only)+"
    rf"|only\s+(?:for|in|at)\s+(?:(?:the\s+)?{_WHO}\s+{_WHERE}\s+)?(?:the\s+)?{_place('5')}{_TAIL}"
    rf"|(?:for|in|at)\s+{_WHO}\s+{_WHERE}\s+(?:the\s+)?{_place('6')}\s+only"
    r")\s*[)\]]",
    re.I,
)
# The criterion gives another rule for the other places: alternatives, not one place's rule.
_ELSEWHERE = re.compile(
    r"\b(?:elsewhere|outside\s+(?:of\s+)?(?:this|that|these|those|the)?|other\s+(?:countries|regions|sites|centres|centers)"
    r"|(?:the\s+)?rest\s+of\s+(?:the\s+)?world|all\s+other|global|ex-\w+|non-(?:japan|china|chinese|japanese|us|eu))\b",
    re.I,
)


class Region(NamedTuple):
    place: str  # the country or region, as a name: "Japan", "the EU", "global"
    label: str  # the words that set it, as written
    rest: str  # the criterion without them


def region_of(text: str) -> Region | None:
    """The country, region or sites a criterion is written for, when it opens with them or an aside names
    only them; None when it names no place so, or also gives the rule for the other places."""
    if not _ANY_PLACE.search(text):
        return None
    match = _OPENING.match(text)
    if match is not None:
        rest = text[match.end():]
    else:
        match = _ASIDE.search(text)
        if match is None:
            return None
        rest = f"{text[:match.start()].rstrip()} {text[match.end():].lstrip()}".strip()
    if _ELSEWHERE.search(rest) or ("global" not in match.group(0).lower() and _ELSEWHERE.search(text[:match.start()])):
        return None
    groups = match.groupdict()
    place = next(value for name, value in groups.items() if name.startswith("place") and value)
    if any(value for name, value in groups.items() if name.startswith("adj")):
        place = _ADJECTIVES[place]
    return Region(place, match.group(0).strip(" :,-([])"), rest.strip(" :,-"))
