"""Registry: talking to ClinicalTrials.gov API v2.

Owns what is asked (`query`: condition terms only, never patient data), the polite HTTP
client (`client`: backoff on 429 and 5xx) and the sync that pages studies into the cache.

May import `cache`, `criteria`, `errors` and `cores`; never `matching` or anything above.
"""
