"""Criteria: reading a trial's eligibility text into rules, once, when the trial is saved.

Owns the criterion splitter and reader (`text`, `rules/reader`), one rule package per dimension
(`rules/biomarker`, `rules/prior_therapy`, ...), their vocabularies and drug classes, the parse
pool, and the record readers they share with the cache (`record_values`, `study_kind`).

The bottom stage: text in, rules out. It imports no other stage (only `errors` and `cores`);
a rule judges a patient through the `rules.patient.Patient` protocol, not the matching stage's
Profile. Every file here feeds `parse.PARSER_VERSION`, so a change re-parses cached trials.
"""
