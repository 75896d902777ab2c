"""Use cases over the data file: plans, items, units, periods.

Each call opens one session, validates its input, writes in one transaction, records
what changed in the audit table, and returns plain frozen dataclasses: the UI never
sees an ORM object or a session.
"""
