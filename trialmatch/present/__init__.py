"""Present: what people see: plain words, the page's form, a trial's details, PDF/CSV export
and the digest of what changed.

May import `matching`, `cache`, `criteria`, `errors` and `cores`; never `registry`, `cli` or
the page. Trial text is untrusted here: everything shown is escaped.
"""
