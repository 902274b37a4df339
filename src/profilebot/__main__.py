"""`python -m profilebot` runs the command line."""

from profilebot import cli

raise SystemExit(cli.main())
