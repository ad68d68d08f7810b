"""Cache: the local store of trials, sites, parsed rules and sync runs.

Owns the schema and its migrations (`schema`), the engine (`store`), writing pages (`write`),
sync runs (`runs`) and the sync lock (`lock`), the read-only queries (`reads`), the table
models, importing record files, turning a record into rows (`records`), and placing sites on
the map (`geo`, `distance`, `site_places`), which happens when a trial is saved.

May import `criteria` (a trial is parsed when it is saved), `errors` and `cores`; nothing above.
"""
