"""Full-text search columns kept current by PostgreSQL triggers; nothing happens on SQLite.

Updates and comments under them: body. The GIN indexes serve /search/ (members only).
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

TABLES = ("activities_update", "activities_updatecomment")


def _forward(table: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {table}_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := to_tsvector('english', coalesce(NEW.body, ''));
  RETURN NEW;
END
$$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {table}_search_trigger ON {table}",
        f"""CREATE TRIGGER {table}_search_trigger BEFORE INSERT OR UPDATE OF body
  ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_search_update()""",
        f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector)",
        f"UPDATE {table} SET body = body",
    ]


def _backward(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_search_trigger ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_search_update()",
        f"DROP INDEX IF EXISTS {table}_search_gin",
    ]


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for statement in _forward(table):
            schema_editor.execute(statement)


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for statement in _backward(table):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_updates_comments_hugs_team")]

    operations = [migrations.RunPython(forwards, backwards)]
