"""PostgreSQL only: full-text triggers with GIN indexes, and pg_trgm for similar titles.

On SQLite every operation here is a no-op; search falls back to icontains there.
"""

from django.db import migrations

QUESTION_FUNCTION = """
CREATE OR REPLACE FUNCTION forum_question_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS forum_question_search_trg ON forum_question;
CREATE TRIGGER forum_question_search_trg BEFORE INSERT OR UPDATE OF title, body
  ON forum_question FOR EACH ROW EXECUTE FUNCTION forum_question_search_update();
CREATE INDEX IF NOT EXISTS forum_question_search_gin ON forum_question USING gin (search_vector);
CREATE INDEX IF NOT EXISTS forum_question_title_trgm ON forum_question
  USING gin (title gin_trgm_ops);
"""

ANSWER_FUNCTION = """
CREATE OR REPLACE FUNCTION forum_answer_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS forum_answer_search_trg ON forum_answer;
CREATE TRIGGER forum_answer_search_trg BEFORE INSERT OR UPDATE OF body
  ON forum_answer FOR EACH ROW EXECUTE FUNCTION forum_answer_search_update();
CREATE INDEX IF NOT EXISTS forum_answer_search_gin ON forum_answer USING gin (search_vector);
"""

REVERSE = """
DROP TRIGGER IF EXISTS forum_question_search_trg ON forum_question;
DROP TRIGGER IF EXISTS forum_answer_search_trg ON forum_answer;
DROP FUNCTION IF EXISTS forum_question_search_update();
DROP FUNCTION IF EXISTS forum_answer_search_update();
DROP INDEX IF EXISTS forum_question_search_gin;
DROP INDEX IF EXISTS forum_question_title_trgm;
DROP INDEX IF EXISTS forum_answer_search_gin;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(QUESTION_FUNCTION)
    schema_editor.execute(ANSWER_FUNCTION)
    # Rows written before the trigger existed get their vectors now.
    schema_editor.execute("UPDATE forum_question SET title = title")
    schema_editor.execute("UPDATE forum_answer SET body = body")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
