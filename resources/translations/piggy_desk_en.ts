<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../piggy_desk/ui/core/accessibility.py" line="+70"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Key: {key}</source>
        <translation>Key: {key}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Example: {example}</source>
        <translation>Example: {example}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="+403"/>
        <source>New batch of vouchers</source>
        <translation>New batch of vouchers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of vouchers</source>
        <translation>Number of vouchers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many</source>
        <translation>How many</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>At most {maximum} vouchers in one batch: make another batch for the rest.</source>
        <translation>At most {maximum} vouchers in one batch: make another batch for the rest.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Piggy accepted the batch ({status}): making %Ln voucher(s)…</source>
        <translation>
            <numerusform>Piggy accepted the batch ({status}): making %Ln voucher…</numerusform>
            <numerusform>Piggy accepted the batch ({status}): making %Ln vouchers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Piggy started making %Ln voucher(s)…</source>
        <translation>
            <numerusform>Piggy started making %Ln voucher…</numerusform>
            <numerusform>Piggy started making %Ln vouchers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Done: %Ln new voucher(s).</source>
        <translation>
            <numerusform>Done: %Ln new voucher.</numerusform>
            <numerusform>Done: %Ln new vouchers.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print every voucher of this promotion on labels or slips</source>
        <translation>Print every voucher of this promotion on labels or slips</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Piggy is still making the vouchers. They will appear in the list when they are ready.</source>
        <translation>Piggy is still making the vouchers. They will appear in the list when they are ready.</translation>
    </message>
</context>
<context>
    <name>ConfirmPanel</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/panels.py" line="+89"/>
        <source>Number of uses</source>
        <translation>Number of uses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses (↑ ↓):</source>
        <translation>Uses (↑ ↓):</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Confirm  (Enter)</source>
        <translation>Confirm  (Enter)</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Cancel  (Esc)</source>
        <translation>Cancel  (Esc)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no customer</source>
        <translation>no customer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeem {name} for {customer}?</source>
        <translation>Redeem {name} for {customer}?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not reserved: locking is switched off.</source>
        <translation>Not reserved: locking is switched off.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved for this counter for {time}</source>
        <translation>Reserved for this counter for {time}</translation>
    </message>
</context>
<context>
    <name>ConnectionSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+103"/>
        <source>Piggy connection</source>
        <translation>Piggy connection</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy address</source>
        <translation>Piggy address</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for a kept token…</source>
        <translation>Looking for a kept token…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace token</source>
        <translation>Replace token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace token…</source>
        <translation>Replace token…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove token</source>
        <translation>Remove token</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OAuth client id</source>
        <translation>OAuth client id</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace client secret</source>
        <translation>Replace client secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace client secret…</source>
        <translation>Replace client secret…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Piggy address:</source>
        <translation>Piggy address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with:</source>
        <translation>Sign in with:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API token:</source>
        <translation>API token:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new Personal Access Token pasted above is kept when you save.</source>
        <translation>A new Personal Access Token pasted above is kept when you save.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id:</source>
        <translation>Client id:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret:</source>
        <translation>Client secret:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Piggy Desk exchanges the id and secret for access tokens that expire.</source>
        <translation>Piggy Desk exchanges the id and secret for access tokens that expire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shop:</source>
        <translation>Shop:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop redemptions are booked to. Empty: none.</source>
        <translation>The shop redemptions are booked to. Empty: none.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/panels.py" line="+20"/>
        <source>Scan the customer&apos;s loyalty card, or type their e-mail address:</source>
        <translation>Scan the customer&apos;s loyalty card, or type their e-mail address:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>customer@example.com</source>
        <translation>customer@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer e-mail or loyalty card</source>
        <translation>Customer e-mail or loyalty card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find customer</source>
        <translation>Find customer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel  (Esc)</source>
        <translation>Cancel  (Esc)</translation>
    </message>
</context>
<context>
    <name>ContactSearch</name>
    <message>
        <location filename="../../piggy_desk/ui/contacts/search.py" line="+58"/>
        <source>That is far too long to be an e-mail address or a loyalty card.</source>
        <translation>That is far too long to be an e-mail address or a loyalty card.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>That held no readable characters. Scan the card again or type the e-mail address.</source>
        <translation>That held no readable characters. Scan the card again or type the e-mail address.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type an e-mail address or scan a loyalty card first.</source>
        <translation>Type an e-mail address or scan a loyalty card first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That e-mail address is too long (more than {max} characters).</source>
        <translation>That e-mail address is too long (more than {max} characters).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That is not an e-mail address. Check it and try again.</source>
        <translation>That is not an e-mail address. Check it and try again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is too long to be a loyalty card (more than {max} characters).</source>
        <translation>That is too long to be a loyalty card (more than {max} characters).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</source>
        <translation>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</translation>
    </message>
</context>
<context>
    <name>ContactVouchersModel</name>
    <message>
        <location filename="../../piggy_desk/ui/contacts/screen.py" line="+72"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on</source>
        <translation>Used on</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location line="+66"/>
        <source>E-mail address or scan a loyalty card</source>
        <translation>E-mail address or scan a loyalty card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer e-mail address or loyalty card</source>
        <translation>Customer e-mail address or loyalty card</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Find a customer by e-mail address or loyalty card.</source>
        <translation>Find a customer by e-mail address or loyalty card.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Use on the counter</source>
        <translation>Use on the counter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print vouchers…</source>
        <translation>Print vouchers…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chosen vouchers, or all of this customer&apos;s when none is chosen</source>
        <translation>The chosen vouchers, or all of this customer&apos;s when none is chosen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The customer&apos;s vouchers</source>
        <translation>The customer&apos;s vouchers</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Looking up the customer…</source>
        <translation>Looking up the customer…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{code}” is a voucher code, not a loyalty card: the Counter screen checks and redeems vouchers. To find a customer, scan their loyalty card or type their e-mail address.</source>
        <translation>“{code}” is a voucher code, not a loyalty card: the Counter screen checks and redeems vouchers. To find a customer, scan their loyalty card or type their e-mail address.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This loyalty card is not linked to a customer yet. Search by their e-mail address instead.</source>
        <translation>This loyalty card is not linked to a customer yet. Search by their e-mail address instead.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{problem} Not all of this customer&apos;s vouchers could be loaded; search again to retry.</source>
        <translation>{problem} Not all of this customer&apos;s vouchers could be loaded; search again to retry.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{problem} None of this customer&apos;s vouchers could be loaded; search again to retry.</source>
        <translation>{problem} None of this customer&apos;s vouchers could be loaded; search again to retry.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Piggy kept sending pages; stopped after {pages}.</source>
        <translation>Piggy kept sending pages; stopped after {pages}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No e-mail address</source>
        <translation>No e-mail address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer id: {id}</source>
        <translation>Customer id: {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found by loyalty card {card}</source>
        <translation>Found by loyalty card {card}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer {customer}</source>
        <translation>Customer {customer}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The vouchers could not be loaded.</source>
        <translation>The vouchers could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{shown} of %Ln voucher(s) shown; the rest could not be loaded.</source>
        <translation>
            <numerusform>{shown} of %Ln voucher shown; the rest could not be loaded.</numerusform>
            <numerusform>{shown} of %Ln vouchers shown; the rest could not be loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln voucher(s) shown; the rest could not be loaded.</source>
        <translation>
            <numerusform>%Ln voucher shown; the rest could not be loaded.</numerusform>
            <numerusform>%Ln vouchers shown; the rest could not be loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln voucher(s)</source>
        <translation>
            <numerusform>%Ln voucher</numerusform>
            <numerusform>%Ln vouchers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This customer has no vouchers to print.</source>
        <translation>This customer has no vouchers to print.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Loading vouchers…</source>
        <translation>Loading vouchers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading vouchers… {loaded} of {total}</source>
        <translation>Loading vouchers… {loaded} of {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No vouchers</source>
        <translation>No vouchers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No customer with this e-mail address is known to Piggy.</source>
        <translation>No customer with this e-mail address is known to Piggy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem} Search by the customer&apos;s e-mail address instead.</source>
        <translation>{problem} Search by the customer&apos;s e-mail address instead.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/screen.py" line="+126"/>
        <source>Scan a voucher, or type its code and press Enter</source>
        <translation>Scan a voucher, or type its code and press Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher code</source>
        <translation>Voucher code</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Redeem  (Enter)</source>
        <translation>Redeem  (Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+280"/>
        <source>Reverse redemption…</source>
        <translation>Reverse redemption…</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Recent scans</source>
        <translation>Recent scans</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>no customer</source>
        <translation>no customer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reverse one use of {name} (code {code}, customer {customer})?

The voucher can then be used once more.</source>
        <translation>Reverse one use of {name} (code {code}, customer {customer})?

The voucher can then be used once more.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reverse redemption</source>
        <translation>Reverse redemption</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Reverse the redemption of {name} (code {code}, customer {customer})?

The voucher can then be used again.</source>
        <translation>Reverse the redemption of {name} (code {code}, customer {customer})?

The voucher can then be used again.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>{word}: {sentence}</source>
        <translation>{word}: {sentence}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Reverse one use…</source>
        <translation>Reverse one use…</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%Ln scan(s) waiting</source>
        <translation>
            <numerusform>%Ln scan waiting</numerusform>
            <numerusform>%Ln scans waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+122"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock each voucher before redeeming it</source>
        <translation>Lock each voucher before redeeming it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sounds for yes and no</source>
        <translation>Sounds for yes and no</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner prefix</source>
        <translation>Scanner prefix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner suffix</source>
        <translation>Scanner suffix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recommended: no other counter can use it meanwhile.</source>
        <translation>Recommended: no other counter can use it meanwhile.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanner prefix:</source>
        <translation>Scanner prefix:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the scanner types before each code, if it is set up to.</source>
        <translation>What the scanner types before each code, if it is set up to.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner suffix:</source>
        <translation>Scanner suffix:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it types after each code.</source>
        <translation>What it types after each code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language is used from the next start of Piggy Desk.</source>
        <translation>A new language is used from the next start of Piggy Desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Like this computer” follows its light or dark setting.</source>
        <translation>“Like this computer” follows its light or dark setting.</translation>
    </message>
</context>
<context>
    <name>CreatePromotionDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/dialogs.py" line="+43"/>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>New promotion</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the customer sees, e.g. Free coffee</source>
        <translation>What the customer sees, e.g. Free coffee</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One or two sentences on what the voucher gives</source>
        <translation>One or two sentences on what the voucher gives</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses per voucher</source>
        <translation>Uses per voucher</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Voucher limit</source>
        <translation>Voucher limit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vouchers per customer</source>
        <translation>Vouchers per customer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vouchers valid for</source>
        <translation>Vouchers valid for</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit of the validity</source>
        <translation>Unit of the validity</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses per voucher:</source>
        <translation>Uses per voucher:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many times one voucher can be used.</source>
        <translation>How many times one voucher can be used.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher limit:</source>
        <translation>Voucher limit:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vouchers in all.</source>
        <translation>Vouchers in all.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Per customer:</source>
        <translation>Per customer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vouchers one customer can hold.</source>
        <translation>Vouchers one customer can hold.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid for:</source>
        <translation>Valid for:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted from the moment a voucher is made.</source>
        <translation>Counted from the moment a voucher is made.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+71"/>
        <source>Create promotion</source>
        <translation>Create promotion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>CreateVoucherDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="-231"/>
        <source>New voucher</source>
        <translation>New voucher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher code</source>
        <translation>Voucher code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: Piggy makes one up</source>
        <translation>optional: Piggy makes one up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total uses</source>
        <translation>Total uses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the total uses</source>
        <translation>Set the total uses</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Uses allowed</source>
        <translation>Uses allowed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add attribute</source>
        <translation>Add attribute</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+20"/>
        <source>Custom attributes</source>
        <translation>Custom attributes</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+24"/>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../piggy_desk/ui/first_run/controller.py" line="+40"/>
        <source>Wrong client id or secret: Piggy did not accept them. Copy both again from your Piggy account.</source>
        <translation>Wrong client id or secret: Piggy did not accept them. Copy both again from your Piggy account.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong token: Piggy did not accept it. Copy the whole Personal Access Token again, or make a new one in your Piggy account.</source>
        <translation>Wrong token: Piggy did not accept it. Copy the whole Personal Access Token again, or make a new one in your Piggy account.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The security certificate of {address} was refused, so the token was not sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s date and time may be wrong. Check them, and the address.</source>
        <translation>The security certificate of {address} was refused, so the token was not sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s date and time may be wrong. Check them, and the address.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No network: Piggy Desk could not reach {address}. Check the internet connection and the address.</source>
        <translation>No network: Piggy Desk could not reach {address}. Check the internet connection and the address.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy is down for maintenance, so the token could not be checked. Try again later.</source>
        <translation>Piggy is down for maintenance, so the token could not be checked. Try again later.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Something answered at {address}, but not Piggy. Check the address.</source>
        <translation>Something answered at {address}, but not Piggy. Check the address.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/first_run/screen.py" line="+65"/>
        <source>Paste the Personal Access Token from your Piggy account.</source>
        <translation>Paste the Personal Access Token from your Piggy account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the OAuth client&apos;s id from your Piggy account.</source>
        <translation>Type the OAuth client&apos;s id from your Piggy account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the OAuth client&apos;s secret from your Piggy account.</source>
        <translation>Paste the OAuth client&apos;s secret from your Piggy account.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking Piggy…</source>
        <translation>Asking Piggy…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Welcome to Piggy Desk</source>
        <translation>Welcome to Piggy Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose how to start. You can connect to Piggy later in Settings.</source>
        <translation>Choose how to start. You can connect to Piggy later in Settings.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Try it with the built-in sandbox</source>
        <translation>Try it with the built-in sandbox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practise scanning and redeeming with made-up vouchers and customers. Nothing goes to Piggy, and no account is needed. Everything is marked as training.</source>
        <translation>Practise scanning and redeeming with made-up vouchers and customers. Nothing goes to Piggy, and no account is needed. Everything is marked as training.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try the sandbox</source>
        <translation>Try the sandbox</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connect to Piggy</source>
        <translation>Connect to Piggy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy address</source>
        <translation>Piggy address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal Access Token</source>
        <translation>Personal Access Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the token here</source>
        <translation>Paste the token here</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Shop:</source>
        <translation>Shop:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Piggy address:</source>
        <translation>Piggy address:</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Use your shop&apos;s Piggy account, with a Personal Access Token or an OAuth client&apos;s id and secret from the Piggy dashboard. Whoever manages your Piggy account can make them.</source>
        <translation>Use your shop&apos;s Piggy account, with a Personal Access Token or an OAuth client&apos;s id and secret from the Piggy dashboard. Whoever manages your Piggy account can make them.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>OAuth client id</source>
        <translation>OAuth client id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client secret</source>
        <translation>OAuth client secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the secret here</source>
        <translation>Paste the secret here</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign in with:</source>
        <translation>Sign in with:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client id:</source>
        <translation>Client id:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client secret:</source>
        <translation>Client secret:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+101"/>
        <source>Save and start</source>
        <translation>Save and start</translation>
    </message>
</context>
<context>
    <name>FirstRunSentences</name>
    <message numerus="yes">
        <location line="-306"/>
        <source>Connected: Piggy answered with %Ln promotion(s).</source>
        <translation>
            <numerusform>Connected: Piggy answered with %Ln promotion.</numerusform>
            <numerusform>Connected: Piggy answered with %Ln promotions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location line="+377"/>
        <source>Piggy Desk — first start</source>
        <translation>Piggy Desk — first start</translation>
    </message>
</context>
<context>
    <name>GlyphIcon</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/__init__.py" line="+111"/>
        <source>Status icon</source>
        <translation>Status icon</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../piggy_desk/counter/journal.py" line="+192"/>
        <source>The counter journal could not be read: another program (a database viewer or a backup tool, say) is holding it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The counter journal could not be read: the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be read: its file or folder is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The counter journal could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The counter journal could not be written: the disk is full.</source>
        <translation>The counter journal could not be written: the disk is full.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written: another program (a database viewer or a backup tool, say) is holding it.</source>
        <translation>The counter journal could not be written: another program (a database viewer or a backup tool, say) is holding it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The counter journal could not be written: the file is damaged.</source>
        <translation>The counter journal could not be written: the file is damaged.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written: its file or folder may not be changed.</source>
        <translation>The counter journal could not be written: its file or folder may not be changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The counter journal could not be written: its file or folder is gone.</source>
        <translation>The counter journal could not be written: its file or folder is gone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written.</source>
        <translation>The counter journal could not be written.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The counter journal could not be read: the file is damaged. It was kept as {path} and a new journal was started. Vouchers this counter had reserved are freed by Piggy within an hour.</source>
        <translation>The counter journal could not be read: the file is damaged. It was kept as {path} and a new journal was started. Vouchers this counter had reserved are freed by Piggy within an hour.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The counter journal file was deleted while Piggy Desk was running. A new one was made with everything the old one held.</source>
        <translation>The counter journal file was deleted while Piggy Desk was running. A new one was made with everything the old one held.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The counter journal was empty although the file existed: its earlier entries are lost. Vouchers this counter had reserved are freed by Piggy within an hour.</source>
        <translation>The counter journal was empty although the file existed: its earlier entries are lost. Vouchers this counter had reserved are freed by Piggy within an hour.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../piggy_desk/ui/journal/screen.py" line="+42"/>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed (several)</source>
        <translation>Redeemed (several)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reversed</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for answer</source>
        <translation>waiting for answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer lost</source>
        <translation>answer lost</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirmed by a later look-up</source>
        <translation>Confirmed by a later look-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not redeemed (a later look-up)</source>
        <translation>Not redeemed (a later look-up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reversed (a later look-up)</source>
        <translation>Not reversed (a later look-up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed at the next start</source>
        <translation>Confirmed at the next start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not redeemed (found at the next start)</source>
        <translation>Not redeemed (found at the next start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not reversed (found at the next start)</source>
        <translation>Not reversed (found at the next start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not redeemed (still reserved at the next start)</source>
        <translation>Not redeemed (still reserved at the next start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not be told at the next start</source>
        <translation>Could not be told at the next start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One use of a voucher not used up</source>
        <translation>One use of a voucher not used up</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{sentence} (Piggy code {code})</source>
        <translation>{sentence} (Piggy code {code})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <location line="+54"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter journal</source>
        <translation>Counter journal</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Totals per promotion today:</source>
        <translation>Totals per promotion today:</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Counter journal for {day}: %Ln entries</source>
        <translation>
            <numerusform>Counter journal for {day}: %Ln entry</numerusform>
            <numerusform>Counter journal for {day}: %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{promotion}: %Ln redeemed</source>
        <translation>
            <numerusform>{promotion}: %Ln redeemed</numerusform>
            <numerusform>{promotion}: %Ln redeemed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %Ln reversed</source>
        <translation>
            <numerusform>, %Ln reversed</numerusform>
            <numerusform>, %Ln reversed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing redeemed yet today.</source>
        <translation>Nothing redeemed yet today.</translation>
    </message>
</context>
<context>
    <name>KeyboardLayout</name>
    <message>
        <location filename="../../piggy_desk/counter/keyboard_layouts.py" line="+45"/>
        <source>US (QWERTY)</source>
        <translation>US (QWERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belgian (AZERTY)</source>
        <translation>Belgian (AZERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French (AZERTY)</source>
        <translation>French (AZERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German (QWERTZ)</source>
        <translation>German (QWERTZ)</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="+98"/>
        <source>As this computer</source>
        <translation>As this computer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/main_window.py" line="+50"/>
        <source>Connecting to Piggy…</source>
        <translation>Connecting to Piggy…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: Piggy cannot be reached</source>
        <translation>Offline: Piggy cannot be reached</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy is not answering properly</source>
        <translation>Piggy is not answering properly</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token refused</source>
        <translation>Token refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy maintenance</source>
        <translation>Piggy maintenance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Piggy&apos;s certificate refused</source>
        <translation>Piggy&apos;s certificate refused</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy refused the API token: nothing can be redeemed. Ask a manager to check the settings.</source>
        <translation>Piggy refused the API token: nothing can be redeemed. Ask a manager to check the settings.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy is down for maintenance: vouchers cannot be redeemed now.</source>
        <translation>Piggy is down for maintenance: vouchers cannot be redeemed now.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy&apos;s security certificate was refused: vouchers cannot be checked or redeemed. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</source>
        <translation>Piggy&apos;s security certificate was refused: vouchers cannot be checked or redeemed. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training — sandbox. Nothing here touches real vouchers or customers.</source>
        <translation>Training — sandbox. Nothing here touches real vouchers or customers.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Piggy Desk — training</source>
        <translation>Piggy Desk — training</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+16"/>
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Piggy at {address}</source>
        <translation>Piggy at {address}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>At start: {sentences}</source>
        <translation>At start: {sentences}</translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>This computer&apos;s clock is wrong by %Ln day(s): dates shown may be off.</source>
        <translation>
            <numerusform>This computer&apos;s clock is wrong by %Ln day: dates shown may be off.</numerusform>
            <numerusform>This computer&apos;s clock is wrong by %Ln days: dates shown may be off.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This computer&apos;s clock is wrong by %Ln hour(s): dates shown may be off.</source>
        <translation>
            <numerusform>This computer&apos;s clock is wrong by %Ln hour: dates shown may be off.</numerusform>
            <numerusform>This computer&apos;s clock is wrong by %Ln hours: dates shown may be off.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This computer&apos;s clock is wrong by %Ln minute(s): dates shown may be off.</source>
        <translation>
            <numerusform>This computer&apos;s clock is wrong by %Ln minute: dates shown may be off.</numerusform>
            <numerusform>This computer&apos;s clock is wrong by %Ln minutes: dates shown may be off.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Piggy is answering as it should again.</source>
        <translation>Piggy is answering as it should again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy is answering again: {sentences}</source>
        <translation>Piggy is answering again: {sentences}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back online: {sentences}</source>
        <translation>Back online: {sentences}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Connected to Piggy again.</source>
        <translation>Connected to Piggy again.</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Ctrl+1 to Ctrl+6 open the screens; Ctrl+Tab goes to the next one; Ctrl+Q closes Piggy Desk</source>
        <translation>Ctrl+1 to Ctrl+6 open the screens; Ctrl+Tab goes to the next one; Ctrl+Q closes Piggy Desk</translation>
    </message>
    <message>
        <location line="+265"/>
        <source>The new theme is used from the next start.</source>
        <translation>The new theme is used from the next start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language is used from the next start.</source>
        <translation>The new language is used from the next start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new Piggy address is used from the next start.</source>
        <translation>The new Piggy address is used from the next start.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new way of signing in to Piggy is used from the next start.</source>
        <translation>The new way of signing in to Piggy is used from the next start.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training sandbox · {state}</source>
        <translation>Training sandbox · {state}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection: {state}</source>
        <translation>Connection: {state}</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/app.py" line="+260"/>
        <source>Some saved settings could not be used ({settings}): see Settings.</source>
        <translation>Some saved settings could not be used ({settings}): see Settings.</translation>
    </message>
    <message>
        <location line="+431"/>
        <source>Piggy Desk is already open on this computer, with the same counter journal ({folder}). Use the window that is open: it may be behind other windows or minimised.</source>
        <translation>Piggy Desk is already open on this computer, with the same counter journal ({folder}). Use the window that is open: it may be behind other windows or minimised.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/banner.py" line="+58"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details of this message</source>
        <translation>Details of this message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the error code and what was sent, for a manager or support</source>
        <translation>Shows the error code and what was sent, for a manager or support</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>MessagePath</name>
    <message>
        <location filename="../../piggy_desk/ui/core/messages.py" line="+23"/>
        <source>Piggy Desk ran into a problem it did not expect. Nothing was redeemed by this problem; check the voucher again before you continue. The details were written to the log.</source>
        <translation>Piggy Desk ran into a problem it did not expect. Nothing was redeemed by this problem; check the voucher again before you continue. The details were written to the log.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+14"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>For support: {error} at {place}</source>
        <translation>For support: {error} at {place}</translation>
    </message>
</context>
<context>
    <name>PiggyError</name>
    <message>
        <location filename="../../piggy_desk/api/errors.py" line="+68"/>
        <source>Something went wrong while talking to Piggy.</source>
        <translation>Something went wrong while talking to Piggy.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>That cannot be sent to Piggy.</source>
        <translation>That cannot be sent to Piggy.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Piggy refused the request.</source>
        <translation>Piggy refused the request.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy did not accept the details that were sent.</source>
        <translation>Piggy did not accept the details that were sent.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This customer is not known to Piggy.</source>
        <translation>This customer is not known to Piggy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This promotion does not exist.</source>
        <translation>This promotion does not exist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A voucher with this code already exists.</source>
        <translation>A voucher with this code already exists.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No voucher with this code was found.</source>
        <translation>No voucher with this code was found.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has already been used.</source>
        <translation>This voucher has already been used.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has expired.</source>
        <translation>This voucher has expired.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No more vouchers can be handed out for this promotion.</source>
        <translation>No more vouchers can be handed out for this promotion.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This voucher has been switched off.</source>
        <translation>This voucher has been switched off.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is not valid yet.</source>
        <translation>This voucher is not valid yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is being used at another counter right now.</source>
        <translation>This voucher is being used at another counter right now.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This voucher does not have that many uses left.</source>
        <translation>This voucher does not have that many uses left.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The promotion of this voucher is not active.</source>
        <translation>The promotion of this voucher is not active.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The usage limit has been reached.</source>
        <translation>The usage limit has been reached.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This loyalty card is not known to Piggy.</source>
        <translation>This loyalty card is not known to Piggy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This loyalty card has been switched off.</source>
        <translation>This loyalty card has been switched off.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A customer with this e-mail address already exists.</source>
        <translation>A customer with this e-mail address already exists.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy refused the API token. Ask a manager to check the settings.</source>
        <translation>Piggy refused the API token. Ask a manager to check the settings.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy refused the OAuth client id or secret. Ask a manager to check the settings.</source>
        <translation>Piggy refused the OAuth client id or secret. Ask a manager to check the settings.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy is busy. Try again in a moment.</source>
        <translation>Piggy is busy. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy could not handle the request just now. Try again in a moment.</source>
        <translation>Piggy could not handle the request just now. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy is down for maintenance. Try again later.</source>
        <translation>Piggy is down for maintenance. Try again later.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection to Piggy failed.</source>
        <translation>The connection to Piggy failed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No connection to Piggy. Check the network.</source>
        <translation>No connection to Piggy. Check the network.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Piggy&apos;s security certificate was refused, so nothing was sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</source>
        <translation>Piggy&apos;s security certificate was refused, so nothing was sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy took too long to answer.</source>
        <translation>Piggy took too long to answer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to Piggy broke off before the answer came.</source>
        <translation>The connection to Piggy broke off before the answer came.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy sent an answer that could not be read.</source>
        <translation>Piggy sent an answer that could not be read.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Piggy answered with another voucher than the one asked for, so it is not shown.</source>
        <translation>Piggy answered with another voucher than the one asked for, so it is not shown.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/api/client.py" line="+105"/>
        <source>The loyalty card number is empty.</source>
        <translation>The loyalty card number is empty.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is too long to be a loyalty card.</source>
        <translation>This is too long to be a loyalty card.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The voucher code is empty.</source>
        <translation>The voucher code is empty.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is too long to be a voucher code.</source>
        <translation>This is too long to be a voucher code.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>That is not an e-mail address.</source>
        <translation>That is not an e-mail address.</translation>
    </message>
    <message>
        <location line="+617"/>
        <source>That is not a web address.</source>
        <translation>That is not a web address.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Piggy address must start with https://.</source>
        <translation>The Piggy address must start with https://.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Piggy address must start with https://, or the token would travel unprotected over plain http. Only the sandbox on this computer may use http.</source>
        <translation>The Piggy address must start with https://, or the token would travel unprotected over plain http. Only the sandbox on this computer may use http.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/manager_gate.py" line="+28"/>
        <location line="+6"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The manager screens need the manager PIN.</source>
        <translation>The manager screens need the manager PIN.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>That is not the manager PIN.</source>
        <translation>That is not the manager PIN.</translation>
    </message>
</context>
<context>
    <name>PinSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="-127"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New manager PIN</source>
        <translation>New manager PIN</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{low} to {high} digits</source>
        <translation>{low} to {high} digits</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the manager PIN</source>
        <translation>Remove the manager PIN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again:</source>
        <translation>New PIN again:</translation>
    </message>
</context>
<context>
    <name>PrintCounts</name>
    <message numerus="yes">
        <location filename="../../piggy_desk/ui/printing.py" line="+73"/>
        <source>Can be used %Ln time(s)</source>
        <translation>
            <numerusform>Can be used %Ln time</numerusform>
            <numerusform>Can be used %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %Ln voucher(s) in the list.</source>
        <translation>
            <numerusform>%Ln voucher in the list.</numerusform>
            <numerusform>All %Ln vouchers in the list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location line="+456"/>
        <source>Print vouchers</source>
        <translation>Print vouchers</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Voucher {code}</source>
        <translation>Voucher {code}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln voucher(s)</source>
        <translation>
            <numerusform>%Ln voucher</numerusform>
            <numerusform>%Ln vouchers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shop name on the slip:</source>
        <translation>Shop name on the slip:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop name on the slip</source>
        <translation>Shop name on the slip</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved {file} in {folder}.</source>
        <translation>Saved {file} in {folder}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{status}: the counter will not accept it.</source>
        <translation>{status}: the counter will not accept it.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>…and %Ln more.</source>
        <translation>
            <numerusform>…and %Ln more.</numerusform>
            <numerusform>…and %Ln more.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save {file}: {reason}</source>
        <translation>Could not save {file}: {reason}</translation>
    </message>
</context>
<context>
    <name>PromotionDraft</name>
    <message>
        <location filename="../../piggy_desk/manager/drafts.py" line="+72"/>
        <source>A promotion needs a name.</source>
        <translation>A promotion needs a name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name can be at most {max} characters; it has {length}.</source>
        <translation>The name can be at most {max} characters; it has {length}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A promotion needs a description.</source>
        <translation>A promotion needs a description.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The description can be at most {max} characters; it has {length}.</source>
        <translation>The description can be at most {max} characters; it has {length}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is a promotion called “{name}” already: give this one another name.</source>
        <translation>There is a promotion called “{name}” already: give this one another name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The voucher limit must be a whole number from 0 to {max}.</source>
        <translation>The voucher limit must be a whole number from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The limit per customer must be a whole number from 0 to {max}.</source>
        <translation>The limit per customer must be a whole number from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The validity must be a whole number from 0 to {max}.</source>
        <translation>The validity must be a whole number from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A multi-use voucher can be used from 2 to {max} times.</source>
        <translation>A multi-use voucher can be used from 2 to {max} times.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A single-use voucher is used once.</source>
        <translation>A single-use voucher is used once.</translation>
    </message>
</context>
<context>
    <name>PromotionTexts</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/texts.py" line="+25"/>
        <source>Single use</source>
        <translation>Single use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-use</source>
        <translation>Multi-use</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no expiry</source>
        <translation>no expiry</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Multi-use: each voucher can be used more than once.</source>
        <translation>Multi-use: each voucher can be used more than once.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Single use: each voucher can be used once.</source>
        <translation>Single use: each voucher can be used once.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Multi-use: each voucher can be used %Ln time(s).</source>
        <translation>
            <numerusform>Multi-use: each voucher can be used %Ln time.</numerusform>
            <numerusform>Multi-use: each voucher can be used %Ln times.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln time(s)</source>
        <translation>
            <numerusform>%Ln time</numerusform>
            <numerusform>%Ln times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromotionsModel</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/model.py" line="+27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher limit</source>
        <translation>Voucher limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer</source>
        <translation>Per customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>Valid for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses per voucher</source>
        <translation>Uses per voucher</translation>
    </message>
</context>
<context>
    <name>PromotionsScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/screen.py" line="+95"/>
        <location line="+20"/>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New promotion…</source>
        <translation>New promotion…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Arrow keys choose a promotion to see it</source>
        <translation>Arrow keys choose a promotion to see it</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Voucher limit:</source>
        <translation>Voucher limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer:</source>
        <translation>Per customer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for:</source>
        <translation>Valid for:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uses per voucher:</source>
        <translation>Uses per voucher:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Custom attributes</source>
        <translation>Custom attributes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Counting vouchers…</source>
        <translation>Counting vouchers…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Promotions ({count})</source>
        <translation>Promotions ({count})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The promotions could not be loaded. {problem}</source>
        <translation>The promotions could not be loaded. {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The promotions could not be loaded.</source>
        <translation>The promotions could not be loaded.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The vouchers could not be counted.</source>
        <translation>The vouchers could not be counted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vouchers of “{name}” could not be counted. {problem}</source>
        <translation>The vouchers of “{name}” could not be counted. {problem}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The promotion “{name}” was created.</source>
        <translation>The promotion “{name}” was created.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Piggy did not accept some details: see below.</source>
        <translation>Piggy did not accept some details: see below.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy did not confirm the new promotion. {problem} It may have been made: check the list before you try again.</source>
        <translation>Piggy did not confirm the new promotion. {problem} It may have been made: check the list before you try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The promotion was not created. {problem}</source>
        <translation>The promotion was not created. {problem}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The promotions have not been loaded yet.</source>
        <translation>The promotions have not been loaded yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a promotion in the table to see its details.</source>
        <translation>Select a promotion in the table to see its details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No promotions yet. Make one with “New promotion…”.</source>
        <translation>No promotions yet. Make one with “New promotion…”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a promotion to see its vouchers.</source>
        <translation>Select a promotion to see its vouchers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%Ln voucher(s)</source>
        <translation>
            <numerusform>%Ln voucher</numerusform>
            <numerusform>%Ln vouchers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%Ln voucher(s) per customer</source>
        <translation>
            <numerusform>%Ln voucher per customer</numerusform>
            <numerusform>%Ln vouchers per customer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/recent.py" line="+33"/>
        <source>Recent scans</source>
        <translation>Recent scans</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{code} · {outcome} · {time}</source>
        <translation>{code} · {outcome} · {time}</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Show this voucher again</source>
        <translation>Show this voucher again</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed here</source>
        <translation>Redeemed here</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reversed here</source>
        <translation>Reversed here</translation>
    </message>
</context>
<context>
    <name>RedemptionFlow</name>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+55"/>
        <source>No connection to Piggy: vouchers cannot be checked or redeemed now.</source>
        <translation>No connection to Piggy: vouchers cannot be checked or redeemed now.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/async_journal.py" line="+44"/>
        <source>Nothing was sent to Piggy.</source>
        <translation>Nothing was sent to Piggy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell a manager.</source>
        <translation>Tell a manager.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+422"/>
        <source>Customer ready: {customer}. Scan their voucher.</source>
        <translation>Customer ready: {customer}. Scan their voucher.</translation>
    </message>
    <message>
        <location line="-292"/>
        <location line="+764"/>
        <source>Checking the voucher…</source>
        <translation>Checking the voucher…</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="+28"/>
        <source>The redemption of voucher “{code}” did not go through before the program stopped.</source>
        <translation>The redemption of voucher “{code}” did not go through before the program stopped.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="-484"/>
        <source>Voucher “{code}” is still on the counter: finish it first (confirm or cancel), then choose the customer again.</source>
        <translation>Voucher “{code}” is still on the counter: finish it first (confirm or cancel), then choose the customer again.</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>No voucher with the code “{code}” was found.</source>
        <translation>No voucher with the code “{code}” was found.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No voucher with the code “{code}” was found. The scanner sends Code 39&apos;s * before and after the code: switch that off on the scanner, or enter * as the scanner prefix and suffix in Settings.</source>
        <translation>No voucher with the code “{code}” was found. The scanner sends Code 39&apos;s * before and after the code: switch that off on the scanner, or enter * as the scanner prefix and suffix in Settings.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with the code “{code}” was found. The scanner sends “{read}”, the barcode&apos;s type, before the code: switch that off on the scanner, or enter {read} as the scanner prefix in Settings.</source>
        <translation>No voucher with the code “{code}” was found. The scanner sends “{read}”, the barcode&apos;s type, before the code: switch that off on the scanner, or enter {read} as the scanner prefix in Settings.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with the code “{code}” was found, nor with “{read}”, what the scanner meant if it is set up for another keyboard layout.</source>
        <translation>No voucher with the code “{code}” was found, nor with “{read}”, what the scanner meant if it is set up for another keyboard layout.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No voucher with the code “{code}” was found, nor with “{read}”, in capitals.</source>
        <translation>No voucher with the code “{code}” was found, nor with “{read}”, in capitals.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{problem} The voucher “{code}” could not be checked.</source>
        <translation>{problem} The voucher “{code}” could not be checked.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No voucher with the code “{typed}”: found “{code}”, in capitals.</source>
        <translation>No voucher with the code “{typed}”: found “{code}”, in capitals.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“{typed}” read as “{code}”: the scanner is set up for {layout}.</source>
        <translation>“{typed}” read as “{code}”: the scanner is set up for {layout}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scanner typed “{typed}”: read as “{code}”, as its keyboard layout is not this computer&apos;s. Set the scanner&apos;s layout in Settings.</source>
        <translation>The scanner typed “{typed}”: read as “{code}”, as its keyboard layout is not this computer&apos;s. Set the scanner&apos;s layout in Settings.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Valid. Press Enter to redeem.</source>
        <translation>Valid. Press Enter to redeem.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has already been used.</source>
        <translation>This voucher has already been used.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has expired.</source>
        <translation>This voucher has expired.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has been switched off.</source>
        <translation>This voucher has been switched off.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is not valid yet.</source>
        <translation>This voucher is not valid yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is being used at another counter right now.</source>
        <translation>This voucher is being used at another counter right now.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This voucher is {status}.</source>
        <translation>This voucher is {status}.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>This voucher has no customer yet: scan their loyalty card or type their e-mail.</source>
        <translation>This voucher has no customer yet: scan their loyalty card or type their e-mail.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>“{code}” is this voucher&apos;s own code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address.</source>
        <translation>“{code}” is this voucher&apos;s own code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{code}” is a voucher code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address; or press Esc to cancel this voucher, then scan “{code}” again.</source>
        <translation>“{code}” is a voucher code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address; or press Esc to cancel this voucher, then scan “{code}” again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Customer: {customer}.</source>
        <translation>Customer: {customer}.</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>Press Enter to confirm the redemption, or Esc to cancel.</source>
        <translation>Press Enter to confirm the redemption, or Esc to cancel.</translation>
    </message>
    <message>
        <location line="-457"/>
        <source>Reserving the voucher…</source>
        <translation>Reserving the voucher…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{problem} The voucher may stay reserved for up to an hour.</source>
        <translation>{problem} The voucher may stay reserved for up to an hour.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+60"/>
        <source>{problem} The voucher was not reserved when checked. Try again.</source>
        <translation>{problem} The voucher was not reserved when checked. Try again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+109"/>
        <source>Looking up the customer…</source>
        <translation>Looking up the customer…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No customer with this e-mail address is known to Piggy.</source>
        <translation>No customer with this e-mail address is known to Piggy.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</source>
        <translation>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking up the loyalty card…</source>
        <translation>Looking up the loyalty card…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This loyalty card is not linked to a customer yet. Type their e-mail instead.</source>
        <translation>This loyalty card is not linked to a customer yet. Type their e-mail instead.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Customer: {customer}. Press Enter to redeem.</source>
        <translation>Customer: {customer}. Press Enter to redeem.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The redemption of “{code}” was stopped before Piggy answered; the next start checks whether it went through.</source>
        <translation>The redemption of “{code}” was stopped before Piggy answered; the next start checks whether it went through.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>The voucher stays reserved.</source>
        <translation>The voucher stays reserved.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redeeming…</source>
        <translation>Redeeming…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Redeemed {times} times: {name}.</source>
        <translation>Redeemed {times} times: {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed: {name}.</source>
        <translation>Redeemed: {name}.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The voucher was not redeemed. Try again.</source>
        <translation>The voucher was not redeemed. Try again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+11"/>
        <source>The answer was lost. Checking whether the voucher was redeemed…</source>
        <translation>The answer was lost. Checking whether the voucher was redeemed…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Piggy&apos;s answer was lost, and the voucher could not be checked. Do not hand out the reward yet: press Check again when the connection is back.</source>
        <translation>Piggy&apos;s answer was lost, and the voucher could not be checked. Do not hand out the reward yet: press Check again when the connection is back.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Redeemed. (The answer was lost, but Piggy confirms the voucher was used.)</source>
        <translation>Redeemed. (The answer was lost, but Piggy confirms the voucher was used.)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Piggy&apos;s answer was lost. The voucher was NOT redeemed. Press Enter to try again.</source>
        <translation>Piggy&apos;s answer was lost. The voucher was NOT redeemed. Press Enter to try again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy&apos;s answer was lost and it cannot be told how many uses were made. Check the voucher in the Piggy dashboard before trying again.</source>
        <translation>Piggy&apos;s answer was lost and it cannot be told how many uses were made. Check the voucher in the Piggy dashboard before trying again.</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+28"/>
        <source>Piggy&apos;s answer was lost. The voucher was NOT redeemed.</source>
        <translation>Piggy&apos;s answer was lost. The voucher was NOT redeemed.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+33"/>
        <source>Releasing the voucher…</source>
        <translation>Releasing the voucher…</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+270"/>
        <source>Cancelled. The voucher was not redeemed.</source>
        <translation>Cancelled. The voucher was not redeemed.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reversing the redemption…</source>
        <translation>Reversing the redemption…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The redemption was reversed: the voucher can be used again.</source>
        <translation>The redemption was reversed: the voucher can be used again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+17"/>
        <source>Piggy&apos;s answer was lost, and the voucher could not be checked. Scan it again to see whether the redemption was reversed.</source>
        <translation>Piggy&apos;s answer was lost, and the voucher could not be checked. Scan it again to see whether the redemption was reversed.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Piggy&apos;s answer was lost, and Piggy&apos;s answers do not say how many uses are left: it cannot be told whether one use was given back. Check the voucher in the Piggy dashboard.</source>
        <translation>Piggy&apos;s answer was lost, and Piggy&apos;s answers do not say how many uses are left: it cannot be told whether one use was given back. Check the voucher in the Piggy dashboard.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The redemption was reversed. (The answer was lost, but Piggy confirms it.)</source>
        <translation>The redemption was reversed. (The answer was lost, but Piggy confirms it.)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy&apos;s answer was lost. The redemption was NOT reversed.</source>
        <translation>Piggy&apos;s answer was lost. The redemption was NOT reversed.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="+102"/>
        <source>Voucher “{code}” was redeemed before the program stopped.</source>
        <translation>Voucher “{code}” was redeemed before the program stopped.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>It cannot be told whether voucher “{code}” was redeemed before the program stopped. Check it in the Piggy dashboard.</source>
        <translation>It cannot be told whether voucher “{code}” was redeemed before the program stopped. Check it in the Piggy dashboard.</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>The reversal of voucher “{code}” did not go through before the program stopped.</source>
        <translation>The reversal of voucher “{code}” did not go through before the program stopped.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The redemption of voucher “{code}” was reversed before the program stopped.</source>
        <translation>The redemption of voucher “{code}” was reversed before the program stopped.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Voucher “{code}” may stay reserved until {time}: the answer to its lock was lost.</source>
        <translation>Voucher “{code}” may stay reserved until {time}: the answer to its lock was lost.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Voucher “{code}” was still reserved by this counter and has been released.</source>
        <translation>Voucher “{code}” was still reserved by this counter and has been released.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Voucher “{code}” is still reserved by this counter; releasing it failed and will be tried again.</source>
        <translation>Voucher “{code}” is still reserved by this counter; releasing it failed and will be tried again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+4"/>
        <source>Piggy is not answering as it should just now: vouchers cannot be checked or redeemed. Try again in a moment.</source>
        <translation>Piggy is not answering as it should just now: vouchers cannot be checked or redeemed. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Piggy Desk keeps this in memory and writes it into the journal as soon as it can. Tell a manager.</source>
        <translation>Piggy Desk keeps this in memory and writes it into the journal as soon as it can. Tell a manager.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A scan is waiting. Click Confirm to redeem {name} first, or press Esc to cancel; then the scan is shown.</source>
        <translation>A scan is waiting. Click Confirm to redeem {name} first, or press Esc to cancel; then the scan is shown.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="-64"/>
        <source>It cannot be told whether one use of voucher “{code}” was given back before the program stopped. Check it in the Piggy dashboard.</source>
        <translation>It cannot be told whether one use of voucher “{code}” was given back before the program stopped. Check it in the Piggy dashboard.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+177"/>
        <source>{problem} Piggy says: {message}</source>
        <translation>{problem} Piggy says: {message}</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+28"/>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverse redemption…</source>
        <translation>Reverse redemption…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open on the counter</source>
        <translation>Open on the counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>ScanRejected</name>
    <message>
        <location filename="../../piggy_desk/counter/scan.py" line="+82"/>
        <source>That scan is far too long to be a voucher code (over {max} characters).</source>
        <translation>That scan is far too long to be a voucher code (over {max} characters).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The scan was empty. Scan the voucher again.</source>
        <translation>The scan was empty. Scan the voucher again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is too long to be a voucher code (over {max} characters).</source>
        <translation>That is too long to be a voucher code (over {max} characters).</translation>
    </message>
</context>
<context>
    <name>ScannerLayoutChoice</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="+23"/>
        <source>Scanner&apos;s keyboard layout</source>
        <translation>Scanner&apos;s keyboard layout</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Test the scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the scanner: scan the barcode above</source>
        <translation>Test the scanner: scan the barcode above</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That is not the test code in any layout Piggy Desk knows ({typed}). Scan the barcode above again, or check how the scanner is set up.</source>
        <translation>That is not the test code in any layout Piggy Desk knows ({typed}). Scan the barcode above again, or check how the scanner is set up.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The scanner types as this computer does: nothing to read back.</source>
        <translation>The scanner types as this computer does: nothing to read back.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scanner is set up for {scanner}, this computer for {computer}: Piggy Desk reads its scans back. Save the settings to keep this.</source>
        <translation>The scanner is set up for {scanner}, this computer for {computer}: Piggy Desk reads its scans back. Save the settings to keep this.</translation>
    </message>
</context>
<context>
    <name>ScannerSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+25"/>
        <source>The scanner&apos;s keyboard layout</source>
        <translation>The scanner&apos;s keyboard layout</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scanner&apos;s layout:</source>
        <translation>Scanner&apos;s layout:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A scanner set up for another keyboard layout types other characters (a US scanner on a Belgian computer types &amp;é&quot;&apos; for 1234). Scan the test code to find its layout; README.md has it to print.</source>
        <translation>A scanner set up for another keyboard layout types other characters (a US scanner on a Belgian computer types &amp;é&quot;&apos; for 1234). Scan the test code to find its layout; README.md has it to print.</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="-90"/>
        <source>Test barcode {code}</source>
        <translation>Test barcode {code}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../piggy_desk/settings.py" line="+252"/>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{setting}” in {file}: {why} It was ignored.</source>
        <translation>“{setting}” in {file}: {why} It was ignored.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The file could not be read ({problem}), so none of it is used.</source>
        <translation>The file could not be read ({problem}), so none of it is used.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file does not hold settings in the form Piggy Desk writes.</source>
        <translation>The file does not hold settings in the form Piggy Desk writes.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>A token is never read from a settings file: keep it in this computer&apos;s key store (Settings) or in PIGGY_TOKEN.</source>
        <translation>A token is never read from a settings file: keep it in this computer&apos;s key store (Settings) or in PIGGY_TOKEN.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy Desk has no setting of this name.</source>
        <translation>Piggy Desk has no setting of this name.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It must be a list of setting names, such as [&quot;base_url&quot;, &quot;shop_uuid&quot;].</source>
        <translation>It must be a list of setting names, such as [&quot;base_url&quot;, &quot;shop_uuid&quot;].</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{name}” is not a setting, so it cannot be locked.</source>
        <translation>“{name}” is not a setting, so it cannot be locked.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It must be true or false.</source>
        <translation>It must be true or false.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It must be text in quotes.</source>
        <translation>It must be text in quotes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is not a manager PIN hash made by Piggy Desk.</source>
        <translation>It is not a manager PIN hash made by Piggy Desk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It must be one of {choices}.</source>
        <translation>It must be one of {choices}.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>A shop UUID has at most {max} characters.</source>
        <translation>A shop UUID has at most {max} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shop UUID has no spaces, slashes or invisible characters.</source>
        <translation>A shop UUID has no spaces, slashes or invisible characters.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A client id has at most {max} characters.</source>
        <translation>A client id has at most {max} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client id has no spaces, line breaks or accented letters.</source>
        <translation>A client id has no spaces, line breaks or accented letters.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A scanner prefix has at most {max} characters.</source>
        <translation>A scanner prefix has at most {max} characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scanner suffix has at most {max} characters.</source>
        <translation>A scanner suffix has at most {max} characters.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A scanner prefix can only hold visible characters.</source>
        <translation>A scanner prefix can only hold visible characters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scanner suffix can only hold visible characters.</source>
        <translation>A scanner suffix can only hold visible characters.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PIN must be {low} to {high} digits.</source>
        <translation>The PIN must be {low} to {high} digits.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>The two PINs are not the same. Type the new PIN twice.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/widgets/sign_in.py" line="+27"/>
        <source>This is too long to be a token (over {max} characters).</source>
        <translation>This is too long to be a token (over {max} characters).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A token has no spaces, line breaks or accented letters. Paste it again.</source>
        <translation>A token has no spaces, line breaks or accented letters. Paste it again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/settings.py" line="-58"/>
        <source>That is not a web address: it has a space in it.</source>
        <translation>That is not a web address: it has a space in it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the user name and password out of the address: the token is enough.</source>
        <translation>Leave the user name and password out of the address: the token is enough.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+94"/>
        <source>Choose one of the languages in the list.</source>
        <translation>Choose one of the languages in the list.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose one of the themes in the list.</source>
        <translation>Choose one of the themes in the list.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/widgets/sign_in.py" line="+10"/>
        <source>This is too long to be a client secret (over {max} characters).</source>
        <translation>This is too long to be a client secret (over {max} characters).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A client secret has no spaces, line breaks or accented letters. Paste it again.</source>
        <translation>A client secret has no spaces, line breaks or accented letters. Paste it again.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+164"/>
        <source>The settings could not be written to {folder} ({problem}).</source>
        <translation>The settings could not be written to {folder} ({problem}).</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+74"/>
        <source>A token is kept in this computer&apos;s key store. It is never shown.</source>
        <translation>A token is kept in this computer&apos;s key store. It is never shown.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token is kept until Piggy Desk closes (no key store).</source>
        <translation>A token is kept until Piggy Desk closes (no key store).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token comes from this computer&apos;s PIGGY_TOKEN setting: change it there.</source>
        <translation>The token comes from this computer&apos;s PIGGY_TOKEN setting: change it there.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No token is kept: Piggy Desk cannot reach Piggy until one is given.</source>
        <translation>No token is kept: Piggy Desk cannot reach Piggy until one is given.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A client secret is kept in this computer&apos;s key store. It is never shown.</source>
        <translation>A client secret is kept in this computer&apos;s key store. It is never shown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client secret is kept until Piggy Desk closes (no key store).</source>
        <translation>A client secret is kept until Piggy Desk closes (no key store).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No client secret is kept: Piggy Desk cannot sign in with the OAuth client until one is given.</source>
        <translation>No client secret is kept: Piggy Desk cannot sign in with the OAuth client until one is given.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="-221"/>
        <source>Type the OAuth client&apos;s id from your Piggy account.</source>
        <translation>Type the OAuth client&apos;s id from your Piggy account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the OAuth client&apos;s secret: none is kept for this Piggy address.</source>
        <translation>Paste the OAuth client&apos;s secret: none is kept for this Piggy address.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+7"/>
        <source>Training: Piggy Desk works on its built-in sandbox at {address}. The shop&apos;s Piggy address, token and key store are not used until Piggy Desk starts without training.</source>
        <translation>Training: Piggy Desk works on its built-in sandbox at {address}. The shop&apos;s Piggy address, token and key store are not used until Piggy Desk starts without training.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="-254"/>
        <source>The sandbox made a token for this training session; it is not kept.</source>
        <translation>The sandbox made a token for this training session; it is not kept.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A manager PIN is set. Type a new one twice to change it.</source>
        <translation>A manager PIN is set. Type a new one twice to change it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No manager PIN is set: anyone can open the manager screens.</source>
        <translation>No manager PIN is set: anyone can open the manager screens.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set by the shop&apos;s IT for every counter: it cannot be changed here.</source>
        <translation>Set by the shop&apos;s IT for every counter: it cannot be changed here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Like this computer</source>
        <translation>Like this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+125"/>
        <location line="+240"/>
        <source>Nothing was saved: see the sentence below.</source>
        <translation>Nothing was saved: see the sentence below.</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Nothing was saved: see the sentences below.</source>
        <translation>Nothing was saved: see the sentences below.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Remove token</source>
        <translation>Remove token</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Remove the API token from this computer? Piggy Desk cannot reach Piggy until a new token is given.</source>
        <translation>Remove the API token from this computer? Piggy Desk cannot reach Piggy until a new token is given.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key store warning</source>
        <translation>Key store warning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings that could not be used</source>
        <translation>Settings that could not be used</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+60"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Undo changes</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+235"/>
        <source>Ignored, because they cannot work, in {file}:</source>
        <translation>Ignored, because they cannot work, in {file}:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only whoever prepared that file (the shop&apos;s IT) can fix it.</source>
        <translation>Only whoever prepared that file (the shop&apos;s IT) can fix it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving puts the values shown below in their place.</source>
        <translation>Saving puts the values shown below in their place.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+48"/>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The token was removed.</source>
        <translation>The token was removed.</translation>
    </message>
</context>
<context>
    <name>ShopPicker</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/shop_picker.py" line="+21"/>
        <source>shop</source>
        <translation>shop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web shop</source>
        <translation>web shop</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Piggy does not list the shops for this token. Type the shop&apos;s UUID from the Piggy dashboard, or leave it empty.</source>
        <translation>Piggy does not list the shops for this token. Type the shop&apos;s UUID from the Piggy dashboard, or leave it empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shops could not be listed ({reason}). Type the shop&apos;s UUID, or leave it empty.</source>
        <translation>The shops could not be listed ({reason}). Type the shop&apos;s UUID, or leave it empty.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No shop</source>
        <translation>No shop</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another shop (type its UUID)</source>
        <translation>Another shop (type its UUID)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy lists no shops for this account.</source>
        <translation>Piggy lists no shops for this account.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shop UUID</source>
        <translation>Shop UUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>SignInChoice</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/sign_in.py" line="+29"/>
        <source>Personal Access Token</source>
        <translation>Personal Access Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OAuth client</source>
        <translation>OAuth client</translation>
    </message>
</context>
<context>
    <name>StartFailure</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/start_failure.py" line="+22"/>
        <source>Piggy Desk could not start</source>
        <translation>Piggy Desk could not start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy Desk stopped because of a problem</source>
        <translation>Piggy Desk stopped because of a problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free some space on the disk of {folder}, then start Piggy Desk again.</source>
        <translation>Free some space on the disk of {folder}, then start Piggy Desk again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whoever looks after this computer to let Piggy Desk write in {folder}, then start it again.</source>
        <translation>Ask whoever looks after this computer to let Piggy Desk write in {folder}, then start it again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the other program, then start Piggy Desk again.</source>
        <translation>Close the other program, then start Piggy Desk again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the folder {folder} is there and can be reached, then start Piggy Desk again.</source>
        <translation>Check that the folder {folder} is there and can be reached, then start Piggy Desk again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start Piggy Desk again; if this happens again, send the log file to support.</source>
        <translation>Start Piggy Desk again; if this happens again, send the log file to support.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk of the data folder {folder} is full.</source>
        <translation>The disk of the data folder {folder} is full.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Piggy Desk may not write in its data folder {folder}.</source>
        <translation>Piggy Desk may not write in its data folder {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Piggy Desk cannot reach its data folder {folder}.</source>
        <translation>Piggy Desk cannot reach its data folder {folder}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Piggy address cannot be used: {problem}</source>
        <translation>The Piggy address cannot be used: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the address (the --base-url option, or the address under Settings), then start Piggy Desk again.</source>
        <translation>Correct the address (the --base-url option, or the address under Settings), then start Piggy Desk again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Piggy Desk could not start because of an unexpected problem ({problem}).</source>
        <translation>Piggy Desk could not start because of an unexpected problem ({problem}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The details are in the log file: {path}</source>
        <translation>The details are in the log file: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No log file could be written.</source>
        <translation>No log file could be written.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/__init__.py" line="+116"/>
        <source>Status: {word}</source>
        <translation>Status: {word}</translation>
    </message>
</context>
<context>
    <name>StatusLook</name>
    <message>
        <location line="-172"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already used</source>
        <translation>Already used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switched off</source>
        <translation>Switched off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid yet</source>
        <translation>Not valid yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use at another counter</source>
        <translation>In use at another counter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redeemed just now</source>
        <translation>Redeemed just now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown status</source>
        <translation>Unknown status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../../piggy_desk/token_store.py" line="+37"/>
        <source>This computer has no working key store: the token is kept only until Piggy Desk closes.</source>
        <translation>This computer has no working key store: the token is kept only until Piggy Desk closes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key store stayed locked: the token is kept only until Piggy Desk closes.</source>
        <translation>The key store stayed locked: the token is kept only until Piggy Desk closes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key store could not be used: the token is kept only until Piggy Desk closes.</source>
        <translation>The key store could not be used: the token is kept only until Piggy Desk closes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The token could not be changed.</source>
        <translation>The token could not be changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The token is set by this computer&apos;s PIGGY_TOKEN setting: change it there, not in Piggy Desk.</source>
        <translation>The token is set by this computer&apos;s PIGGY_TOKEN setting: change it there, not in Piggy Desk.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The key store did not remove the token. Remove the PiggyDesk entry from the computer&apos;s key store by hand.</source>
        <translation>The key store did not remove the token. Remove the PiggyDesk entry from the computer&apos;s key store by hand.</translation>
    </message>
</context>
<context>
    <name>VoucherCard</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/card.py" line="+68"/>
        <source>Valid from:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires:</source>
        <translation>Expires:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on:</source>
        <translation>Used on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses per voucher:</source>
        <translation>Uses per voucher:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used at this counter:</source>
        <translation>Used at this counter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses left:</source>
        <translation>Uses left:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till codes:</source>
        <translation>Till codes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a voucher to see it here.</source>
        <translation>Scan a voucher to see it here.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No voucher shown</source>
        <translation>No voucher shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher card: no voucher shown</source>
        <translation>Voucher card: no voucher shown</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a customer without e-mail</source>
        <translation>a customer without e-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{customer} (chosen for this redemption)</source>
        <translation>{customer} (chosen for this redemption)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No customer yet</source>
        <translation>No customer yet</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{title}, code {code}, {status}</source>
        <translation>{title}, code {code}, {status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{made} made, {reversed} reversed (this counter&apos;s journal)</source>
        <translation>{made} made, {reversed} reversed (this counter&apos;s journal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{made} (this counter&apos;s journal)</source>
        <translation>{made} (this counter&apos;s journal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{uses}; the answer to one more was lost</source>
        <translation>{uses}; the answer to one more was lost</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{left}, as Piggy said at {time}</source>
        <translation>{left}, as Piggy said at {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most {left} (other counters&apos; uses are not known here)</source>
        <translation>at most {left} (other counters&apos; uses are not known here)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Voucher card: {title}</source>
        <translation>Voucher card: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code {code}</source>
        <translation>Code {code}</translation>
    </message>
</context>
<context>
    <name>VoucherChart</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/chart.py" line="+39"/>
        <source>In use at a counter</source>
        <translation>In use at a counter</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{issued} (no limit)</source>
        <translation>{issued} (no limit)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{issued} of {limit}, limit reached</source>
        <translation>{issued} of {limit}, limit reached</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{issued} of {limit}</source>
        <translation>{issued} of {limit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vouchers of this promotion</source>
        <translation>Vouchers of this promotion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a promotion to see its vouchers.</source>
        <translation>Select a promotion to see its vouchers.</translation>
    </message>
</context>
<context>
    <name>VoucherDraft</name>
    <message>
        <location filename="../../piggy_desk/manager/drafts.py" line="+32"/>
        <source>The expiry must come after the activation.</source>
        <translation>The expiry must come after the activation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This expiry has already passed: the voucher would be expired when it is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Every attribute needs a name.</source>
        <translation>Every attribute needs a name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The attribute {name} is there twice.</source>
        <translation>The attribute {name} is there twice.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a promotion.</source>
        <translation>Choose a promotion.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A code cannot contain control characters.</source>
        <translation>A code cannot contain control characters.</translation>
    </message>
</context>
<context>
    <name>VoucherFilterBar</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/filters.py" line="+28"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <source>All promotions</source>
        <translation>All promotions</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer e-mail filter</source>
        <translation>Customer e-mail filter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer e-mail</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a voucher code</source>
        <translation>Find a voucher code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find a code</source>
        <translation>Find a code</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promotion:</source>
        <translation>Promotion:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>VoucherForm</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="-217"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>optional: the customer&apos;s e-mail</source>
        <translation>optional: the customer&apos;s e-mail</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set {date}</source>
        <translation>Set {date}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{field} (local time)</source>
        <translation>{field} (local time)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No customer with this e-mail address.</source>
        <translation>No customer with this e-mail address.</translation>
    </message>
</context>
<context>
    <name>VoucherPrint</name>
    <message>
        <location filename="../../piggy_desk/ui/printing.py" line="-376"/>
        <source>Valid from {start} until {end}</source>
        <translation>Valid from {start} until {end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid until {end}</source>
        <translation>Valid until {end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid from {start}, no end date</source>
        <translation>Valid from {start}, no end date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No end date</source>
        <translation>No end date</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Until {end}</source>
        <translation>Until {end}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The printer could not be started.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Slip, 80 mm receipt roll</source>
        <translation>Slip, 80 mm receipt roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip, A6</source>
        <translation>Slip, A6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 label sheet, 3 × 8 (70 × 37 mm)</source>
        <translation>A4 label sheet, 3 × 8 (70 × 37 mm)</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>The first {shown} of the {total} vouchers in the list: one print takes at most {max}. Narrow the filter for the others.</source>
        <translation>The first {shown} of the {total} vouchers in the list: one print takes at most {max}. Narrow the filter for the others.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/voucher_print.py" line="+59"/>
        <source>No barcode: this code has characters a scanner cannot type back ({characters}). Type the code at the counter.</source>
        <translation>No barcode: this code has characters a scanner cannot type back ({characters}). Type the code at the counter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No barcode: the code is empty.</source>
        <translation>No barcode: the code is empty.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No QR code: the code is longer than {max} characters.</source>
        <translation>No QR code: the code is longer than {max} characters.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No barcode: this code is too long for a scannable barcode {width} mm wide. Scan the QR code.</source>
        <translation>No barcode: this code is too long for a scannable barcode {width} mm wide. Scan the QR code.</translation>
    </message>
</context>
<context>
    <name>VouchersModel</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/model.py" line="+48"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on</source>
        <translation>Used on</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(no e-mail)</source>
        <translation>(no e-mail)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>VouchersScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/screen.py" line="+152"/>
        <source>New voucher…</source>
        <translation>New voucher…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New batch…</source>
        <translation>New batch…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print list…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No customer with this e-mail address.</source>
        <translation>No customer with this e-mail address.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>{rows} of %Ln voucher(s) shown</source>
        <translation>
            <numerusform>{rows} of %Ln voucher shown</numerusform>
            <numerusform>{rows} of %Ln vouchers shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+223"/>
        <source>Exported %Ln voucher(s) to {file} in {folder}.</source>
        <translation>
            <numerusform>Exported %Ln voucher to {file} in {folder}.</numerusform>
            <numerusform>Exported %Ln vouchers to {file} in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-227"/>
        <location line="+9"/>
        <source>%Ln voucher(s)</source>
        <translation>
            <numerusform>%Ln voucher</numerusform>
            <numerusform>%Ln vouchers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+156"/>
        <source>%Ln new voucher(s) are ready.</source>
        <translation>
            <numerusform>%Ln new voucher is ready.</numerusform>
            <numerusform>%Ln new vouchers are ready.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Voucher {code} activated.</source>
        <translation>Voucher {code} activated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher {code} deactivated.</source>
        <translation>Voucher {code} deactivated.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+34"/>
        <source>no customer</source>
        <translation>no customer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse redemption</source>
        <translation>Reverse redemption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse the redemption of voucher {code} (customer {customer})?

The voucher can then be used again.</source>
        <translation>Reverse the redemption of voucher {code} (customer {customer})?

The voucher can then be used again.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/screen.py" line="+43"/>
        <source>The redemption of {code} was reversed.</source>
        <translation>The redemption of {code} was reversed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied {code}.</source>
        <translation>Copied {code}.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The list has no vouchers to print.</source>
        <translation>The list has no vouchers to print.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Voucher {code} created.</source>
        <translation>Voucher {code} created.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export vouchers</source>
        <translation>Export vouchers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{problem} The export was stopped; no file was written.</source>
        <translation>{problem} The export was stopped; no file was written.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>VouchersTable</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/table.py" line="+24"/>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrow keys choose a voucher; the buttons below or the Menu key act on it</source>
        <translation>Arrow keys choose a voucher; the buttons below or the Menu key act on it</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <location filename="../../piggy_desk/ui/widgets/__init__.py" line="+216"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>in %Ln day</numerusform>
            <numerusform>in %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>in %Ln hour(s)</source>
        <translation>
            <numerusform>in %Ln hour</numerusform>
            <numerusform>in %Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>%Ln hour ago</numerusform>
            <numerusform>%Ln hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>in %Ln minute(s)</source>
        <translation>
            <numerusform>in %Ln minute</numerusform>
            <numerusform>in %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>%Ln minute ago</numerusform>
            <numerusform>%Ln minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in less than a minute</source>
        <translation>in less than a minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>just now</source>
        <translation>just now</translation>
    </message>
</context>
<context>
    <name>_VoucherForm</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="-134"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Customer e-mail</source>
        <translation>Customer e-mail</translation>
    </message>
</context>
</TS>
