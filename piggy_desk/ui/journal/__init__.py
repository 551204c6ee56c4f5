"""The Journal tab: today's counter journal and totals."""
