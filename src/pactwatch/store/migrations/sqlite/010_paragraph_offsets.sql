-- The text is stored once: a paragraph is a span of articles.body (start_char, end_char), which
-- every reader slices; the copy in paragraphs.text held the body a second time (~30 % of a
-- database). Full-text search is unchanged: its index reads articles.body.
ALTER TABLE paragraphs DROP COLUMN text;
