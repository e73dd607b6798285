"""PostgreSQL only: the guides' full-text trigger and GIN index (no-op on SQLite)."""

from django.db import migrations

GUIDE_FUNCTION = """
CREATE OR REPLACE FUNCTION treatments_guide_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS treatments_guide_search_trg ON treatments_treatmentguide;
CREATE TRIGGER treatments_guide_search_trg BEFORE INSERT OR UPDATE OF title, summary
  ON treatments_treatmentguide FOR EACH ROW EXECUTE FUNCTION treatments_guide_search_update();
CREATE INDEX IF NOT EXISTS treatments_guide_search_gin ON treatments_treatmentguide
  USING gin (search_vector);
"""

REVERSE = """
DROP TRIGGER IF EXISTS treatments_guide_search_trg ON treatments_treatmentguide;
DROP FUNCTION IF EXISTS treatments_guide_search_update();
DROP INDEX IF EXISTS treatments_guide_search_gin;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(GUIDE_FUNCTION)
    schema_editor.execute("UPDATE treatments_treatmentguide SET title = title")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0003_guide_title_topics_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
