"""profilebot: keep an academic profile consistent everywhere from one profile.yaml."""


