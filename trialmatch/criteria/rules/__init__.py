"""One module per eligibility dimension. Each exposes:

    NAME: str                                   the dimension's key in the output
    parse(text: TrialText) -> dict              structured rules, JSON-serializable (stored in cache)
    check(rules: dict, profile: Patient) -> Finding   pure: reads no free text

`parse` runs once per trial at sync time; `check` runs per profile and must be fast.
"""
