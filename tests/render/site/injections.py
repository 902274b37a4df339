"""Hostile strings for the injection suite: each would run code, load a remote resource or add markup if a
template printed it the way its theme does without the adapter's escaping. `pwned` marks execution."""

from __future__ import annotations

import dataclasses

from profilebot.model.profile import Profile, Venue

INJECTIONS = (
    "Markdown link [click me](javascript:window.pwned=1)",
    "Remote image ![beacon](http://tracker.example/beacon.png)",
    "Reference link [x][evil]\n\n[evil]: javascript:window.pwned=1",
    "Autolink <javascript:window.pwned=1> and <http://tracker.example/a>",
    "Raw HTML <img src=x onerror=\"window.pwned=1\"> and <script>window.pwned=1</script>",
    "Attribute list *emphasis*{: onmouseover=\"window.pwned=1\"} and `code`",
    "Entity &lt;script&gt;window.pwned=1&lt;/script&gt; and &#106;avascript:",
    "Quote \" onmouseover=\"window.pwned=1\" x=\" breaks an attribute",
    "# A heading, then $$x^2$$ math, ~~strike~~, a | table | cell -- and ... dots",
)


def injected(profile: Profile) -> Profile:
    """The profile with every hostile string as a title, a note (the excerpt) and a venue."""
    papers = list(profile.publications)
    for index, text in enumerate(INJECTIONS):
        paper = papers[index % len(papers)]
        papers[index % len(papers)] = dataclasses.replace(
            paper, title=text, note=text, venue=Venue(name=text, short=text),
            abstract=text)
    return dataclasses.replace(profile, publications=tuple(papers[: len(INJECTIONS)]))
