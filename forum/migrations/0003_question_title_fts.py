"""PostgreSQL only: a GIN index on the title's own tsvector.

Anonymous search matches titles only, and member search takes its title candidates from it, so
a title match is always among the ranked candidates however many bodies match too.
"""

from django.db import migrations

# Exactly the expression SearchVector("title", config="english") compiles to.
CREATE = (
    "CREATE INDEX IF NOT EXISTS forum_question_title_fts ON forum_question "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(title, '')))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS forum_question_title_fts")


class Migration(migrations.Migration):
    dependencies = [("forum", "0002_postgres_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
