"""diff/adoption.py: what a run reads to edit a site's files in place, and which files it leaves to their owner."""

from __future__ import annotations

from profilebot.diff import adoption
from profilebot.diff.snapshot import blob_sha
from profilebot.render.artifact import Artifact


def shas(files: dict[str, bytes]) -> dict[str, str]:
    return {path: blob_sha(data) for path, data in files.items()}


class Site:
    """A site on a branch, counting each file read, and a template that edits `papers/*.md` in place: the first
    line is the profile's title, everything after it is the page's own."""

    def __init__(self, files: dict[str, bytes], manifest: dict[str, str] | None = None,
                 written: set[str] | None = None) -> None:
        self.files, self.reads, self.manifest_reads = files, [], 0
        self.recorded, self.written_paths = manifest or {}, written

    def read(self, paths):
        self.reads += list(paths)
        return {path: self.files[path] for path in paths}

    def recorded_shas(self):
        self.manifest_reads += 1
        return self.recorded

    def written(self, artifacts):
        self.manifest_reads += 1
        return self.written_paths


def render(titles: dict[str, str]):
    def made(existing):
        pages = []
        for path, title in titles.items():
            rest = existing[path].split(b"\n", 1)[1] if path in existing else b"generated\n"
            pages.append(Artifact(path, f"# {title}\n".encode() + rest))
        return pages + [Artifact("files/cv.pdf", b"%PDF generated")]
    return made


def test_a_page_the_template_must_read_is_read_and_edited_in_place():
    site = Site({"papers/a.md": b"# Old\nmy own words\n"})
    adopted = adoption.adopt(render({"papers/a.md": "New"}), {"papers/a.md": True}, shas(site.files), site.read,
                             site.recorded_shas, site.written)
    assert site.reads == ["papers/a.md"]
    assert adopted.artifacts[0].data == b"# New\nmy own words\n"
    assert adopted.read == ("papers/a.md",)


def test_a_page_of_the_bots_that_already_holds_what_would_be_rendered_costs_no_read_at_all():
    site = Site({"papers/a.md": b"# Same\ngenerated\n"})
    adoption.adopt(render({"papers/a.md": "Same"}), {"papers/a.md": False}, shas(site.files), site.read,
                   site.recorded_shas, site.written)
    assert site.reads == [] and site.manifest_reads == 0


def test_a_page_of_the_bots_that_nobody_changed_is_made_anew_without_reading_it():
    written = b"# Old\ngenerated\n"
    site = Site({"papers/a.md": written}, manifest={"papers/a.md": blob_sha(written)})
    adopted = adoption.adopt(render({"papers/a.md": "New"}), {"papers/a.md": False}, shas(site.files), site.read,
                             site.recorded_shas, site.written)
    assert site.reads == [] and site.manifest_reads == 1
    assert adopted.artifacts[0].data == b"# New\ngenerated\n"


def test_a_page_of_the_bots_that_someone_edited_since_is_read_and_keeps_their_edit():
    site = Site({"papers/a.md": b"# Old\nan edit by hand\n"}, manifest={"papers/a.md": blob_sha(b"# Old\ngenerated\n")})
    adopted = adoption.adopt(render({"papers/a.md": "New"}), {"papers/a.md": False}, shas(site.files), site.read,
                             site.recorded_shas, site.written)
    assert site.reads == ["papers/a.md"]
    assert adopted.artifacts[0].data == b"# New\nan edit by hand\n"


def test_a_file_the_bot_did_not_write_is_left_out_and_named():
    site = Site({"files/cv.pdf": b"%PDF my own CV"}, written=set())
    adopted = adoption.adopt(render({}), {}, shas(site.files), site.read, site.recorded_shas, site.written)
    assert adopted.kept == ("files/cv.pdf",) and adopted.artifacts == ()


def test_a_file_the_bot_wrote_is_replaced_and_an_old_manifest_without_a_file_list_means_all_were_ours():
    for written in ({"files/cv.pdf"}, None):
        site = Site({"files/cv.pdf": b"%PDF an older generated CV"}, written=written)
        adopted = adoption.adopt(render({}), {}, shas(site.files), site.read, site.recorded_shas, site.written)
        assert adopted.kept == () and [a.path for a in adopted.artifacts] == ["files/cv.pdf"]


def test_identical_bytes_or_a_new_file_never_ask_whose_it_is():
    for files in ({"files/cv.pdf": b"%PDF generated"}, {}):
        site = Site(files, written=set())
        adopted = adoption.adopt(render({}), {}, shas(site.files), site.read, site.recorded_shas, site.written)
        assert adopted.kept == () and site.manifest_reads == 0


def test_a_file_edited_in_place_is_never_taken_for_the_persons_to_leave_alone():
    assert adoption.collisions([Artifact("papers/a.md", b"new")], shas({"papers/a.md": b"old"}), {"papers/a.md"}) == []
    assert adoption.collisions([Artifact("papers/a.md", b"new")], shas({"papers/a.md": b"old"}), ()) == ["papers/a.md"]


EXTRAS = {"files/cv.pdf": "cv_pdf"}


def test_a_site_the_person_brought_gets_no_extra_it_lacks_unless_asked():
    assert adoption.extras_left_out(EXTRAS, {}, {"_publications/a.md"}, True) == EXTRAS
    assert adoption.extras_left_out(EXTRAS, {"cv_pdf": True}, set(), True) == {}
    assert adoption.extras_left_out(EXTRAS, {}, {"files/cv.pdf"}, True) == {}  # theirs or ours: decided later
    assert "set site.cv_pdf: true in profilebot.yaml" in adoption.not_added_note("files/cv.pdf", "cv_pdf")


def test_a_site_profilebot_set_up_gets_its_extras():
    assert adoption.extras_left_out(EXTRAS, {}, set(), False) == {}  # none of the template's content
    assert adoption.not_listed(EXTRAS, {"files/cv.pdf"}) == {}  # its manifest lists it
    assert adoption.not_listed(EXTRAS, None) == {}  # an older manifest of ours: all its paths were ours
    # A manifest of ours that does not list it: an earlier run left it out of a site the person brought.
    assert adoption.not_listed(EXTRAS, {"_publications/a.md"}) == EXTRAS
