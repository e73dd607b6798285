"""The forum's full-text GIN indexes take each new row at once (fastupdate off).

With fastupdate on, new rows wait in a pending list of up to 4 MB (gin_pending_list_limit)
that every search reads through entry by entry until a vacuum or the limit flushes it:
measured on the forum benchmark, a 310-page pending list made the title index's scan cost
17 ms instead of 0.4 ms. Questions and answers arrive at the pace people write, so paying
for the index at each insert is the better trade (one answer's insert measured 1-14 ms with
and without the pending list, on a loaded machine: no difference above the noise).
PostgreSQL only.
"""

from django.db import migrations

INDEXES = ("forum_question_search_gin", "forum_answer_search_gin", "forum_question_title_fts")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
            # What was pending goes into the index now, not at the next vacuum.
            schema_editor.execute(
                f"SELECT gin_clean_pending_list(to_regclass('{name}')) "
                f"WHERE to_regclass('{name}') IS NOT NULL"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("forum", "0008_question_state_created_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
