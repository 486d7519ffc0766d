-- 0012 the restricted children, which every list page reads to hide the
-- names a user may not see: a handful among tens of thousands, found from
-- this small index rather than by reading every child.
CREATE INDEX children_restricted ON children(id) WHERE restricted;
