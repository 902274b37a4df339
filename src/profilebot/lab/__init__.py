"""A lab of many profiles: lab.yaml, its members' tenure, one deduplicated publication list, the lab's site
and the GitHub Actions matrix that runs every member's targets.

Pure like the stages it builds on (model, load, render, validate): commands/lab.py reads lab.yaml and the
members' profiles and writes what these modules return.
"""
