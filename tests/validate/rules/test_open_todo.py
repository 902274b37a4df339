import pytest

from profilebot.validate.rules.open_todo import CODE

HEAD = "person: {name: Ada}\n"
PAPER = "publications:\n  - id: p\n    type: journal-article\n    status: published\n    title: T\n    authors: [Ada]\n"

TABLE = [
    (HEAD + PAPER, []),
    (HEAD + PAPER + "    todo: complete the author list\n", [(CODE, 8, 11)]),
    (HEAD + "patents:\n  - id: pt\n    title: T\n    number: US11928446B2\n    inventors: [Ada]\n"
     "    todo: add the kind code\n", [(CODE, 7, 11)]),
    (HEAD + "talks:\n  - {id: t, title: T, event: E, todo: add the date}\n", [(CODE, 3, 39)]),
    (HEAD + "positions:\n  - id: x\n    kind: other\n    title: T\n    organization: O\n"
     "    periods: [{start: 2020}]\n    todo: check the dates\n", [(CODE, 8, 11)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_the_todo_text_is_in_no_finding_json_or_annotation(tmp_path, capsys) -> None:
    """Issue 21: `todo:` is "never printed in any output", yet check printed it in findings, JSON and GitHub
    annotations. A hostile todo is not quoted by the markup rules either."""
    from profilebot import cli

    profile = tmp_path / "profile.yaml"
    profile.write_text(HEAD + PAPER + "    todo: 'SECRET-NOTE <script>x</script> \\u202e'\n", "utf-8")
    for output in ("text", "json", "github"):
        cli.main(["check", str(profile), "--format", output])
        captured = capsys.readouterr()
        assert "SECRET-NOTE" not in captured.out + captured.err
        assert "PB213" in captured.out + captured.err
