"""Matching: a patient profile against the cached, already-parsed trials.

Owns the profile, the compiled index (`compiled`, `index`), matching and ranking (`match`),
distances to sites, batch screening (`screen*`) and the scoring against labelled cases
(`evaluate`).

May import `cache`, `criteria`, `errors` and `cores`; never `registry` or anything above.
"""
