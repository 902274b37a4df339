from profilebot.model.dates import DateValue
from profilebot.model.profile import Period, Person, Position, Profile, Project


def _position(pid: str, location: str | None = None, projects: tuple[str, ...] = ()) -> Position:
    return Position(id=pid, kind="industry", title="Intern", organization="Lab", location=location,
                    periods=(Period(DateValue.parse("2020-06")),), projects=projects)


def test_projects_of_a_position_are_linked_from_either_side_in_profile_order():
    intern = _position("intern", projects=("named-by-position",))
    other = _position("other")
    profile = Profile(person=Person(name="Ada Lovelace"), positions=(intern, other), projects=(
        Project(id="names-position", name="A", position="intern"),
        Project(id="elsewhere", name="B", position="other"),
        Project(id="named-by-position", name="C"),
    ))
    assert [p.id for p in profile.projects_of(intern)] == ["names-position", "named-by-position"]
    assert [p.id for p in profile.projects_of(other)] == ["elsewhere"]


def test_known_location_hides_the_unknown_marker():
    assert _position("a", "San Diego, CA").known_location == "San Diego, CA"
    assert _position("b", "unknown").known_location is None
    assert _position("c").known_location is None
