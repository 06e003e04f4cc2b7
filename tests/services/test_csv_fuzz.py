"""The CSV reader fuzzed with hypothesis: whatever the bytes, it returns a file or refuses it
with the desk's own error (`DeskError`, code `csv.*`), never anything else; and a file the
csv module writes reads back as the very rows written. Bounded so the suite stays fast."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm.domain.errors import DeskError
from crm.services import csv_import

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow],
)
HEADERS = ["first_name", "last_name", "email", "notes"]
# What partner cells hold: letters, accents, delimiters, quotes, line ends, tabs, an emoji.
CELL_CHARS = "aZé Œ\"'=,;\t\r\n\x0b-…🧬"


def read_or_refuse(data: bytes, entity: str | None) -> csv_import.Source | None:
    try:
        source = csv_import.read_source(data, entity, name="fuzz.csv")
    except DeskError as exc:
        assert exc.code.startswith(("csv.", "xlsx.", "vcard.")), exc
        assert str(exc) and "Traceback" not in str(exc)
        return None
    assert isinstance(source, csv_import.Source)
    return source


@FUZZ
@given(data=st.binary(max_size=2048), entity=st.sampled_from([None, "contacts", "participants"]))
def test_random_bytes_are_read_or_refused(data, entity):
    read_or_refuse(data, entity)


@FUZZ
@given(
    text=st.text(alphabet=st.sampled_from(list('ab,;"\t\r\n é\x00\x1b€')), max_size=400),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "utf-32"]),
)
def test_random_csv_like_text_is_read_or_refused(text, encoding):
    read_or_refuse(text.encode(encoding, errors="replace"), "contacts")


rows_strategy = st.lists(
    st.lists(
        st.text(alphabet=st.sampled_from(list(CELL_CHARS)), max_size=12), min_size=4, max_size=4
    ),
    max_size=12,
)


@FUZZ
@given(
    rows=rows_strategy,
    delimiter=st.sampled_from([",", ";", "\t"]),
    newline=st.sampled_from(["\r\n", "\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_a_written_file_reads_back_as_written(rows, delimiter, newline, encoding):
    handle = io.StringIO(newline="")
    # Python's writer quotes a cell holding a line end only when it is in its lineterminator.
    quoting = csv.QUOTE_MINIMAL if newline == "\r\n" else csv.QUOTE_ALL
    writer = csv.writer(handle, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    writer.writerows([HEADERS, *rows])
    source = csv_import.read_source(handle.getvalue().encode(encoding), "contacts")
    assert source.headers == HEADERS and source.delimiter == delimiter
    assert [cells for _, cells in source.records] == [r for r in rows if "".join(r).strip()]
    lines = [line for line, _ in source.records]
    assert lines == sorted(set(lines)) and all(line >= 2 for line in lines)
