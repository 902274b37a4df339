"""The HTTP room: every client of a web service, and the one policy they all send through (http.py).

Nothing outside this package imports a network library (tests/test_architecture.py keeps it so): targets and
commands call a client's methods, each one request (plus retries) under `http.RetryPolicy`, with what they read
out of the answer checked by `shape.py`.
"""
