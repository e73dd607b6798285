"""Full-text search columns kept current by PostgreSQL triggers; nothing happens on SQLite.

Articles: title weight A, summary B, body C. Comments: body. The GIN indexes serve /search/.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

FORWARD = """
CREATE OR REPLACE FUNCTION articles_article_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.body_markdown, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql
-- next
DROP TRIGGER IF EXISTS articles_article_search_trigger ON articles_article
-- next
CREATE TRIGGER articles_article_search_trigger BEFORE INSERT OR UPDATE OF title, summary, body_markdown
  ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_search_update()
-- next
CREATE INDEX IF NOT EXISTS articles_article_search_gin ON articles_article USING gin (search_vector)
-- next
UPDATE articles_article SET title = title
-- next

CREATE OR REPLACE FUNCTION articles_comment_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := to_tsvector('english', coalesce(NEW.body, ''));
  RETURN NEW;
END
$$ LANGUAGE plpgsql
-- next
DROP TRIGGER IF EXISTS articles_comment_search_trigger ON articles_comment
-- next
CREATE TRIGGER articles_comment_search_trigger BEFORE INSERT OR UPDATE OF body
  ON articles_comment FOR EACH ROW EXECUTE FUNCTION articles_comment_search_update()
-- next
CREATE INDEX IF NOT EXISTS articles_comment_search_gin ON articles_comment USING gin (search_vector)
-- next
UPDATE articles_comment SET body = body
-- next
"""

BACKWARD = """
DROP TRIGGER IF EXISTS articles_article_search_trigger ON articles_article
-- next
DROP FUNCTION IF EXISTS articles_article_search_update()
-- next
DROP INDEX IF EXISTS articles_article_search_gin
-- next
DROP TRIGGER IF EXISTS articles_comment_search_trigger ON articles_comment
-- next
DROP FUNCTION IF EXISTS articles_comment_search_update()
-- next
DROP INDEX IF EXISTS articles_comment_search_gin
-- next
"""


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    # One statement per call: with parameters, psycopg refuses several in one execute.
    for statement in FORWARD.split("-- next"):
        if statement.strip():
            schema_editor.execute(statement)


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD.split("-- next"):
        if statement.strip():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_editors_group")]

    operations = [migrations.RunPython(forwards, backwards)]
