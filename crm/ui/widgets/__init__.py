"""Small reusable widgets: the global search box, the record picker."""
