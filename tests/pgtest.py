"""A private PostgreSQL schema per test, in the database named by $TRIALMATCH_TEST_PG_URL.

A schema is created and dropped in milliseconds, where a database takes a second; the cache
finds its tables through `search_path`, set per connection in the URL. Unset variable: skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

PG_ENV = "TRIALMATCH_TEST_PG_URL"


def pg_base_url() -> str:
    """$TRIALMATCH_TEST_PG_URL, or skip the test saying how to run it."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql+psycopg://user:password@host/database")
    pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg: pip install -e '.[pg]'")
    return url


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections see only a new, empty schema; the schema is dropped afterwards."""
    base = pg_base_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
