"""What a manager does away from the counter, without Qt: the checks the manager's dialogs
make before anything is sent to Piggy (``drafts``) and the CSV export of a voucher list
(``export``). The screens in ``ui/`` show them; the tests drive them without a window."""
