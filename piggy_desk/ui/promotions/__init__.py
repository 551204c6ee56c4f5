"""The Promotions screen (manager): the list, details, chart, New promotion."""
