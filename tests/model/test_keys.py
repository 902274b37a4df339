from profilebot.model.keys import letter_suffix


def test_letter_suffixes_run_a_to_z_then_aa_like_scholar():
    assert [letter_suffix(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]


def test_letter_suffixes_never_repeat():
    suffixes = [letter_suffix(n) for n in range(5000)]
    assert len(set(suffixes)) == len(suffixes)
