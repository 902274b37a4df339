"""The document rules the loader reports (PB000 yaml-syntax, PB002 duplicate-key, PB003 unsafe-yaml).

A rule module lives with the stage that reports it: these three here, so that load/ takes their codes from
them without importing validate/; PB001 and PB004 (the schema's) and every lint rule in validate/rules/.
validate/rules/__init__.py lists them all in RULES.
"""
