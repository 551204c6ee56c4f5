<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../piggy_desk/ui/core/accessibility.py" line="+70"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Key: {key}</source>
        <translation>Toets: {key}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Example: {example}</source>
        <translation>Voorbeeld: {example}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="+403"/>
        <source>New batch of vouchers</source>
        <translation>Nieuwe reeks vouchers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of vouchers</source>
        <translation>Aantal vouchers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>At most {maximum} vouchers in one batch: make another batch for the rest.</source>
        <translation>Hoogstens {maximum} vouchers in één reeks: maak een tweede reeks voor de rest.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Piggy accepted the batch ({status}): making %Ln voucher(s)…</source>
        <translation>
            <numerusform>Piggy heeft de reeks aangenomen ({status}): %Ln voucher wordt gemaakt…</numerusform>
            <numerusform>Piggy heeft de reeks aangenomen ({status}): %Ln vouchers worden gemaakt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Piggy started making %Ln voucher(s)…</source>
        <translation>
            <numerusform>Piggy is begonnen %Ln voucher te maken…</numerusform>
            <numerusform>Piggy is begonnen %Ln vouchers te maken…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Done: %Ln new voucher(s).</source>
        <translation>
            <numerusform>Klaar: %Ln nieuwe voucher.</numerusform>
            <numerusform>Klaar: %Ln nieuwe vouchers.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print every voucher of this promotion on labels or slips</source>
        <translation>Alle vouchers van deze actie afdrukken op etiketten of bonnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Piggy is still making the vouchers. They will appear in the list when they are ready.</source>
        <translation>Piggy is nog bezig met de vouchers. Ze verschijnen in de lijst zodra ze klaar zijn.</translation>
    </message>
</context>
<context>
    <name>ConfirmPanel</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/panels.py" line="+89"/>
        <source>Number of uses</source>
        <translation>Aantal keer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses (↑ ↓):</source>
        <translation>Aantal keer (↑ ↓):</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Confirm  (Enter)</source>
        <translation>Bevestigen  (Enter)</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Cancel  (Esc)</source>
        <translation>Annuleren  (Esc)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no customer</source>
        <translation>geen klant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeem {name} for {customer}?</source>
        <translation>{name} inwisselen voor {customer}?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not reserved: locking is switched off.</source>
        <translation>Niet gereserveerd: reserveren staat uit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved for this counter for {time}</source>
        <translation>Nog {time} gereserveerd voor deze kassa</translation>
    </message>
</context>
<context>
    <name>ConnectionSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+103"/>
        <source>Piggy connection</source>
        <translation>Verbinding met Piggy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy address</source>
        <translation>Piggy-adres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for a kept token…</source>
        <translation>Zoeken naar een bewaard token…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace token</source>
        <translation>Token vervangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace token…</source>
        <translation>Token vervangen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove token</source>
        <translation>Token verwijderen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OAuth client id</source>
        <translation>Id van de OAuth-client</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace client secret</source>
        <translation>Client-secret vervangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace client secret…</source>
        <translation>Client-secret vervangen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Piggy address:</source>
        <translation>Piggy-adres:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with:</source>
        <translation>Aanmelden met:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API token:</source>
        <translation>API-token:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new Personal Access Token pasted above is kept when you save.</source>
        <translation>Een nieuw Personal Access Token dat u hierboven plakt, wordt bewaard als u opslaat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id:</source>
        <translation>Client-id:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret:</source>
        <translation>Client-secret:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Piggy Desk exchanges the id and secret for access tokens that expire.</source>
        <translation>Piggy Desk wisselt de id en het secret in voor toegangstokens die verlopen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shop:</source>
        <translation>Winkel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop redemptions are booked to. Empty: none.</source>
        <translation>De winkel waarop inwisselingen worden geboekt. Leeg: geen.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/panels.py" line="+20"/>
        <source>Scan the customer&apos;s loyalty card, or type their e-mail address:</source>
        <translation>Scan de klantenkaart, of typ het e-mailadres van de klant:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>customer@example.com</source>
        <translation>klant@voorbeeld.nl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer e-mail or loyalty card</source>
        <translation>E-mailadres of klantenkaart van de klant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find customer</source>
        <translation>Klant zoeken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel  (Esc)</source>
        <translation>Annuleren  (Esc)</translation>
    </message>
</context>
<context>
    <name>ContactSearch</name>
    <message>
        <location filename="../../piggy_desk/ui/contacts/search.py" line="+58"/>
        <source>That is far too long to be an e-mail address or a loyalty card.</source>
        <translation>Dat is veel te lang voor een e-mailadres of klantenkaart.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>That held no readable characters. Scan the card again or type the e-mail address.</source>
        <translation>Daar stonden geen leesbare tekens in. Scan de kaart opnieuw of typ het e-mailadres.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type an e-mail address or scan a loyalty card first.</source>
        <translation>Typ eerst een e-mailadres of scan een klantenkaart.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That e-mail address is too long (more than {max} characters).</source>
        <translation>Dat e-mailadres is te lang (meer dan {max} tekens).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That is not an e-mail address. Check it and try again.</source>
        <translation>Dat is geen e-mailadres. Controleer het en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is too long to be a loyalty card (more than {max} characters).</source>
        <translation>Dat is te lang voor een klantenkaart (meer dan {max} tekens).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</source>
        <translation>‘{text}’ is geen e-mailadres en geen klantenkaartnummer. Typ het e-mailadres van de klant (zoals naam@voorbeeld.nl) of scan de klantenkaart.</translation>
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
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on</source>
        <translation>Gebruikt op</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location line="+66"/>
        <source>E-mail address or scan a loyalty card</source>
        <translation>E-mailadres, of scan een klantenkaart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer e-mail address or loyalty card</source>
        <translation>E-mailadres of klantenkaart van de klant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Find a customer by e-mail address or loyalty card.</source>
        <translation>Zoek een klant op e-mailadres of klantenkaart.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Use on the counter</source>
        <translation>Gebruiken aan de kassa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print vouchers…</source>
        <translation>Vouchers afdrukken…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chosen vouchers, or all of this customer&apos;s when none is chosen</source>
        <translation>De gekozen vouchers, of alle vouchers van deze klant als er geen gekozen is</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The customer&apos;s vouchers</source>
        <translation>Vouchers van de klant</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Looking up the customer…</source>
        <translation>Klant opzoeken…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{code}” is a voucher code, not a loyalty card: the Counter screen checks and redeems vouchers. To find a customer, scan their loyalty card or type their e-mail address.</source>
        <translation>‘{code}’ is een vouchercode, geen klantenkaart: vouchers controleer en wissel je in op het scherm Kassa. Om een klant te zoeken: scan de klantenkaart of typ het e-mailadres.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This loyalty card is not linked to a customer yet. Search by their e-mail address instead.</source>
        <translation>Deze klantenkaart is nog niet aan een klant gekoppeld. Zoek in plaats daarvan op e-mailadres.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{problem} Not all of this customer&apos;s vouchers could be loaded; search again to retry.</source>
        <translation>{problem} Niet alle vouchers van deze klant konden worden geladen; zoek opnieuw om het nog eens te proberen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{problem} None of this customer&apos;s vouchers could be loaded; search again to retry.</source>
        <translation>{problem} Geen van de vouchers van deze klant kon worden geladen; zoek opnieuw om het nog eens te proberen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Piggy kept sending pages; stopped after {pages}.</source>
        <translation>Piggy bleef pagina&apos;s sturen; gestopt na {pages}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No e-mail address</source>
        <translation>Geen e-mailadres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer id: {id}</source>
        <translation>Klant-ID: {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found by loyalty card {card}</source>
        <translation>Gevonden via klantenkaart {card}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer {customer}</source>
        <translation>Klant {customer}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The vouchers could not be loaded.</source>
        <translation>De vouchers konden niet worden geladen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{shown} of %Ln voucher(s) shown; the rest could not be loaded.</source>
        <translation>
            <numerusform>{shown} van %Ln voucher getoond; de rest kon niet worden geladen.</numerusform>
            <numerusform>{shown} van %Ln vouchers getoond; de rest kon niet worden geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln voucher(s) shown; the rest could not be loaded.</source>
        <translation>
            <numerusform>%Ln voucher getoond; de rest kon niet worden geladen.</numerusform>
            <numerusform>%Ln vouchers getoond; de rest kon niet worden geladen.</numerusform>
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
        <translation>Deze klant heeft geen vouchers om af te drukken.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Loading vouchers…</source>
        <translation>Vouchers laden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading vouchers… {loaded} of {total}</source>
        <translation>Vouchers laden… {loaded} van {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No vouchers</source>
        <translation>Geen vouchers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No customer with this e-mail address is known to Piggy.</source>
        <translation>Piggy kent geen klant met dit e-mailadres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem} Search by the customer&apos;s e-mail address instead.</source>
        <translation>{problem} Zoek in plaats daarvan op het e-mailadres van de klant.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/screen.py" line="+126"/>
        <source>Scan a voucher, or type its code and press Enter</source>
        <translation>Scan een voucher, of typ de code en druk op Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher code</source>
        <translation>Vouchercode</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Redeem  (Enter)</source>
        <translation>Inwisselen  (Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+280"/>
        <source>Reverse redemption…</source>
        <translation>Inwisseling terugdraaien…</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Recent scans</source>
        <translation>Laatste scans</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>no customer</source>
        <translation>geen klant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reverse one use of {name} (code {code}, customer {customer})?

The voucher can then be used once more.</source>
        <translation>Eén gebruik van {name} terugdraaien (code {code}, klant {customer})?

De voucher kan daarna nog een keer worden gebruikt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reverse redemption</source>
        <translation>Inwisseling terugdraaien</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Reverse the redemption of {name} (code {code}, customer {customer})?

The voucher can then be used again.</source>
        <translation>De inwisseling van {name} terugdraaien (code {code}, klant {customer})?

De voucher kan daarna weer worden gebruikt.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>{word}: {sentence}</source>
        <translation>{word}: {sentence}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Reverse one use…</source>
        <translation>Eén keer terugdraaien…</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%Ln scan(s) waiting</source>
        <translation>
            <numerusform>%Ln scan wacht</numerusform>
            <numerusform>%Ln scans wachten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+122"/>
        <source>Counter</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock each voucher before redeeming it</source>
        <translation>Elke voucher reserveren voordat hij wordt ingewisseld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sounds for yes and no</source>
        <translation>Geluid bij ja en nee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner prefix</source>
        <translation>Scannervoorvoegsel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner suffix</source>
        <translation>Scanneraanhangsel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recommended: no other counter can use it meanwhile.</source>
        <translation>Aanbevolen: geen andere kassa kan hem intussen gebruiken.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanner prefix:</source>
        <translation>Scannervoorvoegsel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the scanner types before each code, if it is set up to.</source>
        <translation>Wat de scanner vóór elke code typt, als hij daarop is ingesteld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner suffix:</source>
        <translation>Scanneraanhangsel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it types after each code.</source>
        <translation>Wat hij na elke code typt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language is used from the next start of Piggy Desk.</source>
        <translation>Een andere taal wordt gebruikt vanaf de volgende start van Piggy Desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Theme:</source>
        <translation>Thema:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Like this computer” follows its light or dark setting.</source>
        <translation>‘Zoals deze computer’ volgt de lichte of donkere instelling ervan.</translation>
    </message>
</context>
<context>
    <name>CreatePromotionDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/dialogs.py" line="+43"/>
        <source>days</source>
        <translation>dagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>uur</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>New promotion</source>
        <translation>Nieuwe actie</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the customer sees, e.g. Free coffee</source>
        <translation>Wat de klant ziet, bijv. Gratis koffie</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One or two sentences on what the voucher gives</source>
        <translation>Een of twee zinnen over wat de voucher oplevert</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses per voucher</source>
        <translation>Aantal keer per voucher</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>No limit</source>
        <translation>Geen limiet</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Voucher limit</source>
        <translation>Voucherlimiet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vouchers per customer</source>
        <translation>Vouchers per klant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vouchers valid for</source>
        <translation>Vouchers geldig gedurende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No expiry</source>
        <translation>Verloopt niet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit of the validity</source>
        <translation>Eenheid van de geldigheid</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Omschrijving:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses per voucher:</source>
        <translation>Aantal keer per voucher:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many times one voucher can be used.</source>
        <translation>Hoe vaak één voucher gebruikt kan worden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher limit:</source>
        <translation>Voucherlimiet:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vouchers in all.</source>
        <translation>Vouchers in totaal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Per customer:</source>
        <translation>Per klant:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vouchers one customer can hold.</source>
        <translation>Vouchers die één klant kan hebben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid for:</source>
        <translation>Geldigheid:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted from the moment a voucher is made.</source>
        <translation>Gerekend vanaf het moment dat een voucher wordt gemaakt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+71"/>
        <source>Create promotion</source>
        <translation>Actie aanmaken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Creating…</source>
        <translation>Bezig met aanmaken…</translation>
    </message>
</context>
<context>
    <name>CreateVoucherDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="-231"/>
        <source>New voucher</source>
        <translation>Nieuwe voucher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher code</source>
        <translation>Vouchercode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: Piggy makes one up</source>
        <translation>optioneel: Piggy bedenkt er zelf een</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set</source>
        <translation>instellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total uses</source>
        <translation>Totaal aantal keer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the total uses</source>
        <translation>Totaal aantal keer instellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Uses allowed</source>
        <translation>Aantal keer te gebruiken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add attribute</source>
        <translation>Kenmerk toevoegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+20"/>
        <source>Custom attributes</source>
        <translation>Eigen kenmerken</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+24"/>
        <source>Cancel export</source>
        <translation>Export annuleren</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../piggy_desk/ui/first_run/controller.py" line="+40"/>
        <source>Wrong client id or secret: Piggy did not accept them. Copy both again from your Piggy account.</source>
        <translation>Verkeerde client-id of client-secret: Piggy heeft ze niet geaccepteerd. Kopieer ze allebei opnieuw uit uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong token: Piggy did not accept it. Copy the whole Personal Access Token again, or make a new one in your Piggy account.</source>
        <translation>Verkeerd token: Piggy heeft het niet geaccepteerd. Kopieer het volledige Personal Access Token opnieuw, of maak een nieuw token aan in uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The security certificate of {address} was refused, so the token was not sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s date and time may be wrong. Check them, and the address.</source>
        <translation>Het beveiligingscertificaat van {address} is geweigerd, dus het token is niet verstuurd. Misschien onderschept een proxy of firewall de verbinding, of staan de datum en tijd van deze computer verkeerd. Controleer die, en het adres.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No network: Piggy Desk could not reach {address}. Check the internet connection and the address.</source>
        <translation>Geen netwerk: Piggy Desk kon {address} niet bereiken. Controleer de internetverbinding en het adres.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy is down for maintenance, so the token could not be checked. Try again later.</source>
        <translation>Piggy is in onderhoud, dus het token kon niet worden gecontroleerd. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Something answered at {address}, but not Piggy. Check the address.</source>
        <translation>Op {address} antwoordde iets, maar niet Piggy. Controleer het adres.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/first_run/screen.py" line="+65"/>
        <source>Paste the Personal Access Token from your Piggy account.</source>
        <translation>Plak het Personal Access Token uit uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the OAuth client&apos;s id from your Piggy account.</source>
        <translation>Typ de id van de OAuth-client uit uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the OAuth client&apos;s secret from your Piggy account.</source>
        <translation>Plak het secret van de OAuth-client uit uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Testing…</source>
        <translation>Bezig met testen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking Piggy…</source>
        <translation>Piggy wordt gevraagd…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Welcome to Piggy Desk</source>
        <translation>Welkom bij Piggy Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose how to start. You can connect to Piggy later in Settings.</source>
        <translation>Kies hoe u wilt beginnen. U kunt later via Instellingen verbinding maken met Piggy.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Try it with the built-in sandbox</source>
        <translation>Probeer het in de ingebouwde oefenomgeving</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practise scanning and redeeming with made-up vouchers and customers. Nothing goes to Piggy, and no account is needed. Everything is marked as training.</source>
        <translation>Oefen met scannen en inwisselen met verzonnen vouchers en klanten. Er gaat niets naar Piggy en u hebt geen account nodig. Alles is gemarkeerd als training.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try the sandbox</source>
        <translation>Oefenomgeving proberen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connect to Piggy</source>
        <translation>Verbinden met Piggy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy address</source>
        <translation>Piggy-adres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal Access Token</source>
        <translation>Personal Access Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the token here</source>
        <translation>Plak hier het token</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Shop:</source>
        <translation>Winkel:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Piggy address:</source>
        <translation>Piggy-adres:</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Use your shop&apos;s Piggy account, with a Personal Access Token or an OAuth client&apos;s id and secret from the Piggy dashboard. Whoever manages your Piggy account can make them.</source>
        <translation>Gebruik het Piggy-account van uw winkel, met een Personal Access Token of met de id en het secret van een OAuth-client uit het Piggy-dashboard. Wie uw Piggy-account beheert, kan ze aanmaken.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>OAuth client id</source>
        <translation>Id van de OAuth-client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client secret</source>
        <translation>Secret van de OAuth-client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the secret here</source>
        <translation>Plak het secret hier</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign in with:</source>
        <translation>Aanmelden met:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client id:</source>
        <translation>Client-id:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client secret:</source>
        <translation>Client-secret:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+101"/>
        <source>Save and start</source>
        <translation>Opslaan en starten</translation>
    </message>
</context>
<context>
    <name>FirstRunSentences</name>
    <message numerus="yes">
        <location line="-306"/>
        <source>Connected: Piggy answered with %Ln promotion(s).</source>
        <translation>
            <numerusform>Verbonden: Piggy antwoordde met %Ln actie.</numerusform>
            <numerusform>Verbonden: Piggy antwoordde met %Ln acties.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location line="+377"/>
        <source>Piggy Desk — first start</source>
        <translation>Piggy Desk — eerste start</translation>
    </message>
</context>
<context>
    <name>GlyphIcon</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/__init__.py" line="+111"/>
        <source>Status icon</source>
        <translation>Statuspictogram</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../piggy_desk/counter/journal.py" line="+192"/>
        <source>The counter journal could not be read: another program (a database viewer or a backup tool, say) is holding it.</source>
        <translation>Het kassajournaal kon niet worden gelezen: een ander programma (bijvoorbeeld een databaseviewer of een back-upprogramma) houdt het vast.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The counter journal could not be read: the file is damaged.</source>
        <translation>Het kassajournaal kon niet worden gelezen: het bestand is beschadigd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be read: its file or folder is gone.</source>
        <translation>Het kassajournaal kon niet worden gelezen: het bestand of de map is weg.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The counter journal could not be read.</source>
        <translation>Het kassajournaal kon niet worden gelezen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The counter journal could not be written: the disk is full.</source>
        <translation>Het kassajournaal kon niet worden geschreven: de schijf is vol.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written: another program (a database viewer or a backup tool, say) is holding it.</source>
        <translation>Het kassajournaal kon niet worden geschreven: een ander programma (bijvoorbeeld een databaseviewer of een back-upprogramma) houdt het vast.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The counter journal could not be written: the file is damaged.</source>
        <translation>Het kassajournaal kon niet worden geschreven: het bestand is beschadigd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written: its file or folder may not be changed.</source>
        <translation>Het kassajournaal kon niet worden geschreven: het bestand of de map mag niet worden gewijzigd.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The counter journal could not be written: its file or folder is gone.</source>
        <translation>Het kassajournaal kon niet worden geschreven: het bestand of de map is weg.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter journal could not be written.</source>
        <translation>Het kassajournaal kon niet worden geschreven.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The counter journal could not be read: the file is damaged. It was kept as {path} and a new journal was started. Vouchers this counter had reserved are freed by Piggy within an hour.</source>
        <translation>Het kassajournaal kon niet worden gelezen: het bestand is beschadigd. Het is bewaard als {path} en er is een nieuw journaal begonnen. Vouchers die deze kassa had gereserveerd, geeft Piggy binnen een uur vrij.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The counter journal file was deleted while Piggy Desk was running. A new one was made with everything the old one held.</source>
        <translation>Het bestand van het kassajournaal is verwijderd terwijl Piggy Desk draaide. Er is een nieuw gemaakt met alles wat het oude bevatte.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The counter journal was empty although the file existed: its earlier entries are lost. Vouchers this counter had reserved are freed by Piggy within an hour.</source>
        <translation>Het kassajournaal was leeg, hoewel het bestand bestond: de eerdere regels zijn verloren. Vouchers die deze kassa had gereserveerd, geeft Piggy binnen een uur vrij.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../piggy_desk/ui/journal/screen.py" line="+42"/>
        <source>Reserved</source>
        <translation>Gereserveerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>Vrijgegeven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed</source>
        <translation>Ingewisseld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed (several)</source>
        <translation>Ingewisseld (meerdere keren)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reversed</source>
        <translation>Teruggedraaid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for answer</source>
        <translation>wacht op antwoord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>gelukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer lost</source>
        <translation>antwoord verloren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirmed by a later look-up</source>
        <translation>Bevestigd door een latere opzoeking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not redeemed (a later look-up)</source>
        <translation>Niet ingewisseld (latere opzoeking)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reversed (a later look-up)</source>
        <translation>Niet teruggedraaid (latere opzoeking)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed at the next start</source>
        <translation>Bevestigd bij de volgende start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not redeemed (found at the next start)</source>
        <translation>Niet ingewisseld (gevonden bij de volgende start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not reversed (found at the next start)</source>
        <translation>Niet teruggedraaid (gevonden bij de volgende start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not redeemed (still reserved at the next start)</source>
        <translation>Niet ingewisseld (nog gereserveerd bij de volgende start)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not be told at the next start</source>
        <translation>Bij de volgende start niet vast te stellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One use of a voucher not used up</source>
        <translation>Eén gebruik van een voucher die nog niet op is</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{sentence} (Piggy code {code})</source>
        <translation>{sentence} (Piggy-code {code})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <location line="+54"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter journal</source>
        <translation>Kassalogboek</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Totals per promotion today:</source>
        <translation>Totalen per actie vandaag:</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Counter journal for {day}: %Ln entries</source>
        <translation>
            <numerusform>Kassalogboek van {day}: %Ln regel</numerusform>
            <numerusform>Kassalogboek van {day}: %Ln regels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{promotion}: %Ln redeemed</source>
        <translation>
            <numerusform>{promotion}: %Ln ingewisseld</numerusform>
            <numerusform>{promotion}: %Ln ingewisseld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %Ln reversed</source>
        <translation>
            <numerusform>, %Ln teruggedraaid</numerusform>
            <numerusform>, %Ln teruggedraaid</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing redeemed yet today.</source>
        <translation>Vandaag nog niets ingewisseld.</translation>
    </message>
</context>
<context>
    <name>KeyboardLayout</name>
    <message>
        <location filename="../../piggy_desk/counter/keyboard_layouts.py" line="+45"/>
        <source>US (QWERTY)</source>
        <translation>Amerikaans (QWERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belgian (AZERTY)</source>
        <translation>Belgisch (AZERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French (AZERTY)</source>
        <translation>Frans (AZERTY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German (QWERTZ)</source>
        <translation>Duits (QWERTZ)</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="+98"/>
        <source>As this computer</source>
        <translation>Zoals deze computer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/main_window.py" line="+50"/>
        <source>Connecting to Piggy…</source>
        <translation>Verbinden met Piggy…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: Piggy cannot be reached</source>
        <translation>Offline: Piggy is niet bereikbaar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy is not answering properly</source>
        <translation>Piggy antwoordt niet goed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token refused</source>
        <translation>Token geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy maintenance</source>
        <translation>Piggy in onderhoud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Piggy&apos;s certificate refused</source>
        <translation>Certificaat van Piggy geweigerd</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy refused the API token: nothing can be redeemed. Ask a manager to check the settings.</source>
        <translation>Piggy heeft het API-token geweigerd: er kan niets worden ingewisseld. Vraag een manager de instellingen te controleren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy is down for maintenance: vouchers cannot be redeemed now.</source>
        <translation>Piggy is in onderhoud: vouchers kunnen nu niet worden ingewisseld.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy&apos;s security certificate was refused: vouchers cannot be checked or redeemed. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</source>
        <translation>Het beveiligingscertificaat van Piggy is geweigerd: vouchers kunnen niet worden gecontroleerd of ingewisseld. Misschien onderschept een proxy of firewall de verbinding, of staat de klok van deze computer verkeerd. Vraag het een manager.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training — sandbox. Nothing here touches real vouchers or customers.</source>
        <translation>Training — oefenomgeving. Niets hier raakt echte vouchers of klanten.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Piggy Desk — training</source>
        <translation>Piggy Desk — training</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Training mode</source>
        <translation>Trainingsmodus</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+16"/>
        <source>Screens</source>
        <translation>Schermen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Counter</source>
        <translation>Kassa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Piggy at {address}</source>
        <translation>Piggy op {address}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>At start: {sentences}</source>
        <translation>Bij het starten: {sentences}</translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>This computer&apos;s clock is wrong by %Ln day(s): dates shown may be off.</source>
        <translation>
            <numerusform>De klok van deze computer loopt %Ln dag verkeerd: getoonde datums kunnen afwijken.</numerusform>
            <numerusform>De klok van deze computer loopt %Ln dagen verkeerd: getoonde datums kunnen afwijken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This computer&apos;s clock is wrong by %Ln hour(s): dates shown may be off.</source>
        <translation>
            <numerusform>De klok van deze computer loopt %Ln uur verkeerd: getoonde datums kunnen afwijken.</numerusform>
            <numerusform>De klok van deze computer loopt %Ln uur verkeerd: getoonde datums kunnen afwijken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This computer&apos;s clock is wrong by %Ln minute(s): dates shown may be off.</source>
        <translation>
            <numerusform>De klok van deze computer loopt %Ln minuut verkeerd: getoonde datums kunnen afwijken.</numerusform>
            <numerusform>De klok van deze computer loopt %Ln minuten verkeerd: getoonde datums kunnen afwijken.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Piggy is answering as it should again.</source>
        <translation>Piggy antwoordt weer zoals het hoort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy is answering again: {sentences}</source>
        <translation>Piggy antwoordt weer: {sentences}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back online: {sentences}</source>
        <translation>Weer online: {sentences}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Connected to Piggy again.</source>
        <translation>Weer verbonden met Piggy.</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Ctrl+1 to Ctrl+6 open the screens; Ctrl+Tab goes to the next one; Ctrl+Q closes Piggy Desk</source>
        <translation>Ctrl+1 tot Ctrl+6 openen de schermen; Ctrl+Tab gaat naar het volgende scherm; Ctrl+Q sluit Piggy Desk</translation>
    </message>
    <message>
        <location line="+265"/>
        <source>The new theme is used from the next start.</source>
        <translation>Het nieuwe thema wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language is used from the next start.</source>
        <translation>De nieuwe taal wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new Piggy address is used from the next start.</source>
        <translation>Het nieuwe Piggy-adres wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new way of signing in to Piggy is used from the next start.</source>
        <translation>De nieuwe manier van aanmelden bij Piggy wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training sandbox · {state}</source>
        <translation>Oefenomgeving · {state}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection: {state}</source>
        <translation>Verbinding: {state}</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/app.py" line="+260"/>
        <source>Some saved settings could not be used ({settings}): see Settings.</source>
        <translation>Sommige opgeslagen instellingen konden niet worden gebruikt ({settings}): zie Instellingen.</translation>
    </message>
    <message>
        <location line="+431"/>
        <source>Piggy Desk is already open on this computer, with the same counter journal ({folder}). Use the window that is open: it may be behind other windows or minimised.</source>
        <translation>Piggy Desk is al geopend op deze computer, met hetzelfde kassalogboek ({folder}). Gebruik het venster dat open is: het staat misschien achter andere vensters of is geminimaliseerd.</translation>
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
        <translation>Details van deze melding</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the error code and what was sent, for a manager or support</source>
        <translation>Toont de foutcode en wat er is verstuurd, voor een manager of de helpdesk</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>MessagePath</name>
    <message>
        <location filename="../../piggy_desk/ui/core/messages.py" line="+23"/>
        <source>Piggy Desk ran into a problem it did not expect. Nothing was redeemed by this problem; check the voucher again before you continue. The details were written to the log.</source>
        <translation>Piggy Desk liep tegen een onverwacht probleem aan. Door dit probleem is niets ingewisseld; controleer de voucher opnieuw voordat u verdergaat. De details staan in het logbestand.</translation>
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
        <translation>Voor de helpdesk: {error} bij {place}</translation>
    </message>
</context>
<context>
    <name>PiggyError</name>
    <message>
        <location filename="../../piggy_desk/api/errors.py" line="+68"/>
        <source>Something went wrong while talking to Piggy.</source>
        <translation>Er ging iets mis in het contact met Piggy.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>That cannot be sent to Piggy.</source>
        <translation>Dat kan niet naar Piggy worden gestuurd.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Piggy refused the request.</source>
        <translation>Piggy heeft het verzoek geweigerd.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy did not accept the details that were sent.</source>
        <translation>Piggy heeft de verstuurde gegevens niet geaccepteerd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This customer is not known to Piggy.</source>
        <translation>Piggy kent deze klant niet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This promotion does not exist.</source>
        <translation>Deze actie bestaat niet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A voucher with this code already exists.</source>
        <translation>Er bestaat al een voucher met deze code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No voucher with this code was found.</source>
        <translation>Er is geen voucher met deze code gevonden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has already been used.</source>
        <translation>Deze voucher is al gebruikt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has expired.</source>
        <translation>Deze voucher is verlopen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No more vouchers can be handed out for this promotion.</source>
        <translation>Voor deze actie kunnen geen vouchers meer worden uitgegeven.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This voucher has been switched off.</source>
        <translation>Deze voucher is uitgeschakeld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is not valid yet.</source>
        <translation>Deze voucher is nog niet geldig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is being used at another counter right now.</source>
        <translation>Deze voucher wordt op dit moment aan een andere kassa gebruikt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This voucher does not have that many uses left.</source>
        <translation>Deze voucher kan niet zo vaak meer worden gebruikt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The promotion of this voucher is not active.</source>
        <translation>De actie van deze voucher is niet actief.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The usage limit has been reached.</source>
        <translation>De gebruikslimiet is bereikt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This loyalty card is not known to Piggy.</source>
        <translation>Piggy kent deze klantenkaart niet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This loyalty card has been switched off.</source>
        <translation>Deze klantenkaart is uitgeschakeld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A customer with this e-mail address already exists.</source>
        <translation>Er bestaat al een klant met dit e-mailadres.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy refused the API token. Ask a manager to check the settings.</source>
        <translation>Piggy heeft het API-token geweigerd. Vraag een manager de instellingen te controleren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy refused the OAuth client id or secret. Ask a manager to check the settings.</source>
        <translation>Piggy weigerde de OAuth-client-id of het clientgeheim. Vraag een beheerder de instellingen te controleren.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy is busy. Try again in a moment.</source>
        <translation>Piggy heeft het druk. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Piggy could not handle the request just now. Try again in a moment.</source>
        <translation>Piggy kon het verzoek nu niet verwerken. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy is down for maintenance. Try again later.</source>
        <translation>Piggy is in onderhoud. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection to Piggy failed.</source>
        <translation>De verbinding met Piggy is mislukt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No connection to Piggy. Check the network.</source>
        <translation>Geen verbinding met Piggy. Controleer het netwerk.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Piggy&apos;s security certificate was refused, so nothing was sent. A proxy or firewall may be intercepting the connection, or this computer&apos;s clock may be wrong. Ask a manager.</source>
        <translation>Het beveiligingscertificaat van Piggy is geweigerd, dus er is niets verstuurd. Misschien onderschept een proxy of firewall de verbinding, of staat de klok van deze computer verkeerd. Vraag het een manager.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piggy took too long to answer.</source>
        <translation>Piggy deed er te lang over om te antwoorden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to Piggy broke off before the answer came.</source>
        <translation>De verbinding met Piggy werd verbroken voordat het antwoord binnen was.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy sent an answer that could not be read.</source>
        <translation>Piggy stuurde een antwoord dat niet te lezen was.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Piggy answered with another voucher than the one asked for, so it is not shown.</source>
        <translation>Piggy antwoordde met een andere voucher dan de gevraagde, dus die wordt niet getoond.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/api/client.py" line="+105"/>
        <source>The loyalty card number is empty.</source>
        <translation>Het klantenkaartnummer is leeg.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is too long to be a loyalty card.</source>
        <translation>Dit is te lang voor een klantenkaart.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The voucher code is empty.</source>
        <translation>De vouchercode is leeg.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is too long to be a voucher code.</source>
        <translation>Dit is te lang voor een vouchercode.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>That is not an e-mail address.</source>
        <translation>Dat is geen e-mailadres.</translation>
    </message>
    <message>
        <location line="+617"/>
        <source>That is not a web address.</source>
        <translation>Dat is geen webadres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Piggy address must start with https://.</source>
        <translation>Het Piggy-adres moet met https:// beginnen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Piggy address must start with https://, or the token would travel unprotected over plain http. Only the sandbox on this computer may use http.</source>
        <translation>Het Piggy-adres moet met https:// beginnen, anders gaat het token onbeveiligd over gewoon http. Alleen de sandbox op deze computer mag http gebruiken.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/manager_gate.py" line="+28"/>
        <location line="+6"/>
        <source>Manager PIN</source>
        <translation>Manager-pincode</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The manager screens need the manager PIN.</source>
        <translation>Voor de managerschermen is de manager-pincode nodig.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>That is not the manager PIN.</source>
        <translation>Dat is niet de manager-pincode.</translation>
    </message>
</context>
<context>
    <name>PinSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="-127"/>
        <source>Manager PIN</source>
        <translation>Manager-pincode</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New manager PIN</source>
        <translation>Nieuwe manager-pincode</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{low} to {high} digits</source>
        <translation>{low} tot {high} cijfers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New PIN again</source>
        <translation>Nieuwe pincode nogmaals</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the manager PIN</source>
        <translation>Manager-pincode verwijderen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New PIN:</source>
        <translation>Nieuwe pincode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again:</source>
        <translation>Nogmaals:</translation>
    </message>
</context>
<context>
    <name>PrintCounts</name>
    <message numerus="yes">
        <location filename="../../piggy_desk/ui/printing.py" line="+73"/>
        <source>Can be used %Ln time(s)</source>
        <translation>
            <numerusform>%Ln keer te gebruiken</numerusform>
            <numerusform>%Ln keer te gebruiken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %Ln voucher(s) in the list.</source>
        <translation>
            <numerusform>%Ln voucher in de lijst.</numerusform>
            <numerusform>Alle %Ln vouchers in de lijst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location line="+456"/>
        <source>Print vouchers</source>
        <translation>Vouchers afdrukken</translation>
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
        <translation>Winkelnaam op de bon:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop name on the slip</source>
        <translation>Winkelnaam op de bon</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved {file} in {folder}.</source>
        <translation>{file} opgeslagen in {folder}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{status}: the counter will not accept it.</source>
        <translation>{status}: de kassa zal hem niet aannemen.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>…and %Ln more.</source>
        <translation>
            <numerusform>…en nog %Ln.</numerusform>
            <numerusform>…en nog %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save as PDF</source>
        <translation>Opslaan als pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} kon niet worden opgeslagen: {reason}</translation>
    </message>
</context>
<context>
    <name>PromotionDraft</name>
    <message>
        <location filename="../../piggy_desk/manager/drafts.py" line="+72"/>
        <source>A promotion needs a name.</source>
        <translation>Een actie heeft een naam nodig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name can be at most {max} characters; it has {length}.</source>
        <translation>De naam mag hoogstens {max} tekens hebben; het zijn er {length}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A promotion needs a description.</source>
        <translation>Een actie heeft een omschrijving nodig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The description can be at most {max} characters; it has {length}.</source>
        <translation>De omschrijving mag hoogstens {max} tekens hebben; het zijn er {length}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is a promotion called “{name}” already: give this one another name.</source>
        <translation>Er is al een actie met de naam ‘{name}’: geef deze een andere naam.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The voucher limit must be a whole number from 0 to {max}.</source>
        <translation>De voucherlimiet moet een heel getal zijn van 0 tot {max}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The limit per customer must be a whole number from 0 to {max}.</source>
        <translation>De limiet per klant moet een heel getal zijn van 0 tot {max}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The validity must be a whole number from 0 to {max}.</source>
        <translation>De geldigheid moet een heel getal zijn van 0 tot {max}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A multi-use voucher can be used from 2 to {max} times.</source>
        <translation>Een meermalige voucher kan 2 tot en met {max} keer gebruikt worden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A single-use voucher is used once.</source>
        <translation>Een eenmalige voucher wordt één keer gebruikt.</translation>
    </message>
</context>
<context>
    <name>PromotionTexts</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/texts.py" line="+25"/>
        <source>Single use</source>
        <translation>Eenmalig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-use</source>
        <translation>Meermalig</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no expiry</source>
        <translation>verloopt niet</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln dag</numerusform>
            <numerusform>%Ln dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln uur</numerusform>
            <numerusform>%Ln uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minuut</numerusform>
            <numerusform>%Ln minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln seconde</numerusform>
            <numerusform>%Ln seconden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no limit</source>
        <translation>geen limiet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Multi-use: each voucher can be used more than once.</source>
        <translation>Meermalig: elke voucher kan meer dan één keer gebruikt worden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Single use: each voucher can be used once.</source>
        <translation>Eenmalig: elke voucher kan één keer gebruikt worden.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Multi-use: each voucher can be used %Ln time(s).</source>
        <translation>
            <numerusform>Meermalig: elke voucher kan %Ln keer gebruikt worden.</numerusform>
            <numerusform>Meermalig: elke voucher kan %Ln keer gebruikt worden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>once</source>
        <translation>één keer</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln time(s)</source>
        <translation>
            <numerusform>%Ln keer</numerusform>
            <numerusform>%Ln keer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromotionsModel</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/model.py" line="+27"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher limit</source>
        <translation>Voucherlimiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer</source>
        <translation>Per klant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>Geldigheid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses per voucher</source>
        <translation>Aantal keer per voucher</translation>
    </message>
</context>
<context>
    <name>PromotionsScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/promotions/screen.py" line="+95"/>
        <location line="+20"/>
        <source>Promotions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New promotion…</source>
        <translation>Nieuwe actie…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Arrow keys choose a promotion to see it</source>
        <translation>Kies met de pijltjestoetsen een actie om die te bekijken</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Voucher limit:</source>
        <translation>Voucherlimiet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer:</source>
        <translation>Per klant:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for:</source>
        <translation>Geldigheid:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uses per voucher:</source>
        <translation>Aantal keer per voucher:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Type:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Custom attributes</source>
        <translation>Eigen kenmerken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Counting vouchers…</source>
        <translation>Vouchers tellen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Promotions ({count})</source>
        <translation>Acties ({count})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The promotions could not be loaded. {problem}</source>
        <translation>De acties konden niet worden geladen. {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The promotions could not be loaded.</source>
        <translation>De acties konden niet worden geladen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The vouchers could not be counted.</source>
        <translation>De vouchers konden niet worden geteld.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vouchers of “{name}” could not be counted. {problem}</source>
        <translation>De vouchers van ‘{name}’ konden niet worden geteld. {problem}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The promotion “{name}” was created.</source>
        <translation>De actie ‘{name}’ is aangemaakt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Piggy did not accept some details: see below.</source>
        <translation>Piggy heeft niet alle gegevens geaccepteerd: zie hieronder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piggy did not confirm the new promotion. {problem} It may have been made: check the list before you try again.</source>
        <translation>Piggy heeft de nieuwe actie niet bevestigd. {problem} Misschien is hij toch aangemaakt: kijk in de lijst voordat u het opnieuw probeert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The promotion was not created. {problem}</source>
        <translation>De actie is niet aangemaakt. {problem}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The promotions have not been loaded yet.</source>
        <translation>De acties zijn nog niet geladen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a promotion in the table to see its details.</source>
        <translation>Kies een actie in de tabel om de details te zien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No promotions yet. Make one with “New promotion…”.</source>
        <translation>Nog geen acties. Maak er een met ‘Nieuwe actie…’.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a promotion to see its vouchers.</source>
        <translation>Kies een actie om de vouchers te zien.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>no limit</source>
        <translation>geen limiet</translation>
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
            <numerusform>%Ln voucher per klant</numerusform>
            <numerusform>%Ln vouchers per klant</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/recent.py" line="+33"/>
        <source>Recent scans</source>
        <translation>Laatste scans</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{code} · {outcome} · {time}</source>
        <translation>{code} · {outcome} · {time}</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Show this voucher again</source>
        <translation>Deze voucher opnieuw tonen</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed here</source>
        <translation>Hier ingewisseld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reversed here</source>
        <translation>Hier teruggedraaid</translation>
    </message>
</context>
<context>
    <name>RedemptionFlow</name>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+55"/>
        <source>No connection to Piggy: vouchers cannot be checked or redeemed now.</source>
        <translation>Geen verbinding met Piggy: vouchers kunnen nu niet worden gecontroleerd of ingewisseld.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/async_journal.py" line="+44"/>
        <source>Nothing was sent to Piggy.</source>
        <translation>Er is niets naar Piggy gestuurd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell a manager.</source>
        <translation>Waarschuw een manager.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+422"/>
        <source>Customer ready: {customer}. Scan their voucher.</source>
        <translation>Klant klaar: {customer}. Scan de voucher van de klant.</translation>
    </message>
    <message>
        <location line="-292"/>
        <location line="+764"/>
        <source>Checking the voucher…</source>
        <translation>Voucher controleren…</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="+28"/>
        <source>The redemption of voucher “{code}” did not go through before the program stopped.</source>
        <translation>De inwisseling van voucher ‘{code}’ is niet doorgegaan voordat het programma stopte.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="-484"/>
        <source>Voucher “{code}” is still on the counter: finish it first (confirm or cancel), then choose the customer again.</source>
        <translation>Voucher ‘{code}’ staat nog op de kassa: rond die eerst af (bevestigen of annuleren) en kies daarna opnieuw de klant.</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>No voucher with the code “{code}” was found.</source>
        <translation>Er is geen voucher met de code ‘{code}’ gevonden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No voucher with the code “{code}” was found. The scanner sends Code 39&apos;s * before and after the code: switch that off on the scanner, or enter * as the scanner prefix and suffix in Settings.</source>
        <translation>Er is geen voucher met de code ‘{code}’ gevonden. De scanner stuurt het * van Code 39 voor en na de code: zet dat uit op de scanner, of vul * in als scannervoorvoegsel en scanneraanhangsel bij Instellingen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with the code “{code}” was found. The scanner sends “{read}”, the barcode&apos;s type, before the code: switch that off on the scanner, or enter {read} as the scanner prefix in Settings.</source>
        <translation>Er is geen voucher met de code ‘{code}’ gevonden. De scanner stuurt ‘{read}’, het soort streepjescode, voor de code: zet dat uit op de scanner, of vul {read} in als scannervoorvoegsel bij Instellingen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with the code “{code}” was found, nor with “{read}”, what the scanner meant if it is set up for another keyboard layout.</source>
        <translation>Geen voucher met de code ‘{code}’ gevonden, en ook niet met ‘{read}’, wat de scanner bedoelde als hij op een andere toetsenbordindeling is ingesteld.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No voucher with the code “{code}” was found, nor with “{read}”, in capitals.</source>
        <translation>Geen voucher gevonden met de code ‘{code}’, en ook niet met ‘{read}’, in hoofdletters.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{problem} The voucher “{code}” could not be checked.</source>
        <translation>{problem} De voucher ‘{code}’ kon niet worden gecontroleerd.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No voucher with the code “{typed}”: found “{code}”, in capitals.</source>
        <translation>Geen voucher met de code ‘{typed}’: wel ‘{code}’ gevonden, in hoofdletters.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“{typed}” read as “{code}”: the scanner is set up for {layout}.</source>
        <translation>‘{typed}’ gelezen als ‘{code}’: de scanner is ingesteld op {layout}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scanner typed “{typed}”: read as “{code}”, as its keyboard layout is not this computer&apos;s. Set the scanner&apos;s layout in Settings.</source>
        <translation>De scanner typte ‘{typed}’: gelezen als ‘{code}’, want zijn toetsenbordindeling is niet die van deze computer. Stel de indeling van de scanner in bij Instellingen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Valid. Press Enter to redeem.</source>
        <translation>Geldig. Druk op Enter om in te wisselen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has already been used.</source>
        <translation>Deze voucher is al gebruikt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has expired.</source>
        <translation>Deze voucher is verlopen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher has been switched off.</source>
        <translation>Deze voucher is uitgeschakeld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is not valid yet.</source>
        <translation>Deze voucher is nog niet geldig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This voucher is being used at another counter right now.</source>
        <translation>Deze voucher wordt op dit moment aan een andere kassa gebruikt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This voucher is {status}.</source>
        <translation>Deze voucher heeft de status {status}.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>This voucher has no customer yet: scan their loyalty card or type their e-mail.</source>
        <translation>Deze voucher heeft nog geen klant: scan de klantenkaart of typ het e-mailadres.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>“{code}” is this voucher&apos;s own code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address.</source>
        <translation>‘{code}’ is de code van deze voucher zelf, geen klantenkaart. Scan de klantenkaart van de klant of typ het e-mailadres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{code}” is a voucher code, not a loyalty card. Scan the customer&apos;s loyalty card or type their e-mail address; or press Esc to cancel this voucher, then scan “{code}” again.</source>
        <translation>‘{code}’ is een vouchercode, geen klantenkaart. Scan de klantenkaart van de klant of typ het e-mailadres; of druk op Esc om deze voucher te annuleren en scan daarna ‘{code}’ opnieuw.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Customer: {customer}.</source>
        <translation>Klant: {customer}.</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>Press Enter to confirm the redemption, or Esc to cancel.</source>
        <translation>Druk op Enter om de inwisseling te bevestigen, of op Esc om te annuleren.</translation>
    </message>
    <message>
        <location line="-457"/>
        <source>Reserving the voucher…</source>
        <translation>Voucher reserveren…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{problem} The voucher may stay reserved for up to an hour.</source>
        <translation>{problem} De voucher kan tot een uur gereserveerd blijven.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+60"/>
        <source>{problem} The voucher was not reserved when checked. Try again.</source>
        <translation>{problem} Bij controle was de voucher niet gereserveerd. Probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+109"/>
        <source>Looking up the customer…</source>
        <translation>Klant opzoeken…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No customer with this e-mail address is known to Piggy.</source>
        <translation>Piggy kent geen klant met dit e-mailadres.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{text}” is neither an e-mail address nor a loyalty card number. Type the customer&apos;s e-mail address (like name@example.com) or scan their loyalty card.</source>
        <translation>‘{text}’ is geen e-mailadres en geen klantenkaartnummer. Typ het e-mailadres van de klant (zoals naam@voorbeeld.nl) of scan de klantenkaart.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking up the loyalty card…</source>
        <translation>Klantenkaart opzoeken…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This loyalty card is not linked to a customer yet. Type their e-mail instead.</source>
        <translation>Deze klantenkaart is nog niet aan een klant gekoppeld. Typ in plaats daarvan het e-mailadres.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Customer: {customer}. Press Enter to redeem.</source>
        <translation>Klant: {customer}. Druk op Enter om in te wisselen.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Closing…</source>
        <translation>Afsluiten…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The redemption of “{code}” was stopped before Piggy answered; the next start checks whether it went through.</source>
        <translation>De inwisseling van ‘{code}’ is gestopt voordat Piggy antwoordde; bij de volgende start wordt nagegaan of ze is doorgegaan.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>The voucher stays reserved.</source>
        <translation>De voucher blijft gereserveerd.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redeeming…</source>
        <translation>Inwisselen…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Redeemed {times} times: {name}.</source>
        <translation>{times} keer ingewisseld: {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed: {name}.</source>
        <translation>Ingewisseld: {name}.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The voucher was not redeemed. Try again.</source>
        <translation>De voucher is niet ingewisseld. Probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+11"/>
        <source>The answer was lost. Checking whether the voucher was redeemed…</source>
        <translation>Het antwoord is verloren gegaan. Controleren of de voucher is ingewisseld…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Piggy&apos;s answer was lost, and the voucher could not be checked. Do not hand out the reward yet: press Check again when the connection is back.</source>
        <translation>Het antwoord van Piggy ging verloren, en de voucher kon niet worden gecontroleerd. Geef de beloning nog niet mee: druk op ‘Opnieuw controleren’ zodra de verbinding terug is.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Redeemed. (The answer was lost, but Piggy confirms the voucher was used.)</source>
        <translation>Ingewisseld. (Het antwoord ging verloren, maar Piggy bevestigt dat de voucher is gebruikt.)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Piggy&apos;s answer was lost. The voucher was NOT redeemed. Press Enter to try again.</source>
        <translation>Het antwoord van Piggy ging verloren. De voucher is NIET ingewisseld. Druk op Enter om het opnieuw te proberen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Piggy&apos;s answer was lost and it cannot be told how many uses were made. Check the voucher in the Piggy dashboard before trying again.</source>
        <translation>Het antwoord van Piggy ging verloren en het is niet te zeggen hoe vaak de voucher is gebruikt. Controleer de voucher in het Piggy-dashboard voordat u het opnieuw probeert.</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+28"/>
        <source>Piggy&apos;s answer was lost. The voucher was NOT redeemed.</source>
        <translation>Het antwoord van Piggy ging verloren. De voucher is NIET ingewisseld.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/flow.py" line="+33"/>
        <source>Releasing the voucher…</source>
        <translation>Voucher vrijgeven…</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+270"/>
        <source>Cancelled. The voucher was not redeemed.</source>
        <translation>Geannuleerd. De voucher is niet ingewisseld.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reversing the redemption…</source>
        <translation>Inwisseling terugdraaien…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The redemption was reversed: the voucher can be used again.</source>
        <translation>De inwisseling is teruggedraaid: de voucher kan weer worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/reconcile.py" line="+17"/>
        <source>Piggy&apos;s answer was lost, and the voucher could not be checked. Scan it again to see whether the redemption was reversed.</source>
        <translation>Het antwoord van Piggy ging verloren, en de voucher kon niet worden gecontroleerd. Scan hem opnieuw om te zien of de inwisseling is teruggedraaid.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Piggy&apos;s answer was lost, and Piggy&apos;s answers do not say how many uses are left: it cannot be told whether one use was given back. Check the voucher in the Piggy dashboard.</source>
        <translation>Het antwoord van Piggy ging verloren, en Piggy&apos;s antwoorden zeggen niet hoeveel keer een voucher nog kan worden gebruikt: of er één gebruik is teruggegeven, is niet te zeggen. Controleer de voucher in het Piggy-dashboard.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The redemption was reversed. (The answer was lost, but Piggy confirms it.)</source>
        <translation>De inwisseling is teruggedraaid. (Het antwoord ging verloren, maar Piggy bevestigt het.)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy&apos;s answer was lost. The redemption was NOT reversed.</source>
        <translation>Het antwoord van Piggy ging verloren. De inwisseling is NIET teruggedraaid.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="+102"/>
        <source>Voucher “{code}” was redeemed before the program stopped.</source>
        <translation>Voucher ‘{code}’ is ingewisseld voordat het programma stopte.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>It cannot be told whether voucher “{code}” was redeemed before the program stopped. Check it in the Piggy dashboard.</source>
        <translation>Niet vast te stellen is of voucher ‘{code}’ werd ingewisseld voordat het programma stopte. Controleer het in het Piggy-dashboard.</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>The reversal of voucher “{code}” did not go through before the program stopped.</source>
        <translation>Het terugdraaien van voucher ‘{code}’ is niet doorgegaan voordat het programma stopte.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The redemption of voucher “{code}” was reversed before the program stopped.</source>
        <translation>Het inwisselen van voucher ‘{code}’ is teruggedraaid voordat het programma stopte.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Voucher “{code}” may stay reserved until {time}: the answer to its lock was lost.</source>
        <translation>Voucher ‘{code}’ kan tot {time} gereserveerd blijven: het antwoord op de reservering ging verloren.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Voucher “{code}” was still reserved by this counter and has been released.</source>
        <translation>Voucher ‘{code}’ was nog door deze kassa gereserveerd en is vrijgegeven.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Voucher “{code}” is still reserved by this counter; releasing it failed and will be tried again.</source>
        <translation>Voucher ‘{code}’ is nog door deze kassa gereserveerd; vrijgeven is mislukt en wordt opnieuw geprobeerd.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+4"/>
        <source>Piggy is not answering as it should just now: vouchers cannot be checked or redeemed. Try again in a moment.</source>
        <translation>Piggy antwoordt nu niet zoals het hoort: vouchers kunnen niet worden gecontroleerd of ingewisseld. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Piggy Desk keeps this in memory and writes it into the journal as soon as it can. Tell a manager.</source>
        <translation>Piggy Desk bewaart dit in het geheugen en schrijft het in het journaal zodra dat kan. Waarschuw een manager.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A scan is waiting. Click Confirm to redeem {name} first, or press Esc to cancel; then the scan is shown.</source>
        <translation>Er wacht een scan. Klik op Bevestigen om eerst {name} in te wisselen, of druk op Esc om te annuleren; daarna wordt de scan getoond.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/recovery.py" line="-64"/>
        <source>It cannot be told whether one use of voucher “{code}” was given back before the program stopped. Check it in the Piggy dashboard.</source>
        <translation>Of één gebruik van voucher ‘{code}’ is teruggegeven voordat het programma stopte, is niet te zeggen. Controleer het in het Piggy-dashboard.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/counter/view.py" line="+177"/>
        <source>{problem} Piggy says: {message}</source>
        <translation>{problem} Piggy meldt: {message}</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+28"/>
        <source>Activate</source>
        <translation>Activeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverse redemption…</source>
        <translation>Inwisseling terugdraaien…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy code</source>
        <translation>Code kopiëren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open on the counter</source>
        <translation>Openen aan de kassa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
</context>
<context>
    <name>ScanRejected</name>
    <message>
        <location filename="../../piggy_desk/counter/scan.py" line="+82"/>
        <source>That scan is far too long to be a voucher code (over {max} characters).</source>
        <translation>Die scan is veel te lang voor een vouchercode (meer dan {max} tekens).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The scan was empty. Scan the voucher again.</source>
        <translation>De scan was leeg. Scan de voucher opnieuw.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is too long to be a voucher code (over {max} characters).</source>
        <translation>Dat is te lang voor een vouchercode (meer dan {max} tekens).</translation>
    </message>
</context>
<context>
    <name>ScannerLayoutChoice</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="+23"/>
        <source>Scanner&apos;s keyboard layout</source>
        <translation>Toetsenbordindeling van de scanner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the scanner: scan the barcode above</source>
        <translation>Scanner testen: scan de streepjescode hierboven</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That is not the test code in any layout Piggy Desk knows ({typed}). Scan the barcode above again, or check how the scanner is set up.</source>
        <translation>Dat is de testcode niet, in geen enkele indeling die Piggy Desk kent ({typed}). Scan de streepjescode hierboven opnieuw, of controleer hoe de scanner is ingesteld.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The scanner types as this computer does: nothing to read back.</source>
        <translation>De scanner typt zoals deze computer: er hoeft niets teruggelezen te worden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scanner is set up for {scanner}, this computer for {computer}: Piggy Desk reads its scans back. Save the settings to keep this.</source>
        <translation>De scanner is ingesteld op {scanner}, deze computer op {computer}: Piggy Desk leest zijn scans terug. Sla de instellingen op om dit te bewaren.</translation>
    </message>
</context>
<context>
    <name>ScannerSection</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="+25"/>
        <source>The scanner&apos;s keyboard layout</source>
        <translation>Toetsenbordindeling van de scanner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scanner&apos;s layout:</source>
        <translation>Indeling van de scanner:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A scanner set up for another keyboard layout types other characters (a US scanner on a Belgian computer types &amp;é&quot;&apos; for 1234). Scan the test code to find its layout; README.md has it to print.</source>
        <translation>Een scanner die op een andere toetsenbordindeling is ingesteld, typt andere tekens (een Amerikaanse scanner op een Belgische computer typt &amp;é&quot;&apos; voor 1234). Scan de testcode om zijn indeling te vinden; README.md bevat hem om af te drukken.</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/scanner_test.py" line="-90"/>
        <source>Test barcode {code}</source>
        <translation>Test-streepjescode {code}</translation>
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
        <translation>‘{setting}’ in {file}: {why} Deze waarde is genegeerd.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The file could not be read ({problem}), so none of it is used.</source>
        <translation>Het bestand kon niet worden gelezen ({problem}), dus niets ervan wordt gebruikt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file does not hold settings in the form Piggy Desk writes.</source>
        <translation>Het bestand bevat geen instellingen in de vorm die Piggy Desk schrijft.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>A token is never read from a settings file: keep it in this computer&apos;s key store (Settings) or in PIGGY_TOKEN.</source>
        <translation>Een token wordt nooit uit een instellingenbestand gelezen: bewaar het in de sleutelkluis van deze computer (Instellingen) of in PIGGY_TOKEN.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy Desk has no setting of this name.</source>
        <translation>Piggy Desk heeft geen instelling met deze naam.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It must be a list of setting names, such as [&quot;base_url&quot;, &quot;shop_uuid&quot;].</source>
        <translation>Dit moet een lijst met namen van instellingen zijn, zoals [&quot;base_url&quot;, &quot;shop_uuid&quot;].</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{name}” is not a setting, so it cannot be locked.</source>
        <translation>‘{name}’ is geen instelling en kan dus niet worden vastgezet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It must be true or false.</source>
        <translation>Dit moet true of false zijn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It must be text in quotes.</source>
        <translation>Dit moet tekst tussen aanhalingstekens zijn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is not a manager PIN hash made by Piggy Desk.</source>
        <translation>Dit is geen hash van een manager-pincode die Piggy Desk heeft gemaakt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It must be one of {choices}.</source>
        <translation>Dit moet een van deze zijn: {choices}.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>A shop UUID has at most {max} characters.</source>
        <translation>Een winkel-UUID heeft hoogstens {max} tekens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shop UUID has no spaces, slashes or invisible characters.</source>
        <translation>Een winkel-UUID bevat geen spaties, schuine strepen of onzichtbare tekens.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A client id has at most {max} characters.</source>
        <translation>Een client-id heeft hoogstens {max} tekens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client id has no spaces, line breaks or accented letters.</source>
        <translation>Een client-id bevat geen spaties, regeleinden of letters met accenten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A scanner prefix has at most {max} characters.</source>
        <translation>Een scannervoorvoegsel heeft hoogstens {max} tekens.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scanner suffix has at most {max} characters.</source>
        <translation>Een scanneraanhangsel heeft hoogstens {max} tekens.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A scanner prefix can only hold visible characters.</source>
        <translation>Een scannervoorvoegsel mag alleen zichtbare tekens bevatten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scanner suffix can only hold visible characters.</source>
        <translation>Een scanneraanhangsel mag alleen zichtbare tekens bevatten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PIN must be {low} to {high} digits.</source>
        <translation>De pincode moet {low} tot {high} cijfers hebben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>De twee pincodes zijn niet gelijk. Typ de nieuwe pincode twee keer.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/widgets/sign_in.py" line="+27"/>
        <source>This is too long to be a token (over {max} characters).</source>
        <translation>Dit is te lang voor een token (meer dan {max} tekens).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A token has no spaces, line breaks or accented letters. Paste it again.</source>
        <translation>Een token bevat geen spaties, regeleinden of letters met accenten. Plak het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/settings.py" line="-58"/>
        <source>That is not a web address: it has a space in it.</source>
        <translation>Dat is geen webadres: er staat een spatie in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the user name and password out of the address: the token is enough.</source>
        <translation>Laat gebruikersnaam en wachtwoord weg uit het adres: het token is genoeg.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+94"/>
        <source>Choose one of the languages in the list.</source>
        <translation>Kies een van de talen uit de lijst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose one of the themes in the list.</source>
        <translation>Kies een van de thema&apos;s uit de lijst.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/widgets/sign_in.py" line="+10"/>
        <source>This is too long to be a client secret (over {max} characters).</source>
        <translation>Dit is te lang voor een client-secret (meer dan {max} tekens).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A client secret has no spaces, line breaks or accented letters. Paste it again.</source>
        <translation>Een client-secret bevat geen spaties, regeleinden of letters met accenten. Plak het opnieuw.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+164"/>
        <source>The settings could not be written to {folder} ({problem}).</source>
        <translation>De instellingen konden niet worden opgeslagen in {folder} ({problem}).</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+74"/>
        <source>A token is kept in this computer&apos;s key store. It is never shown.</source>
        <translation>Er staat een token in de sleutelkluis van deze computer. Het wordt nooit getoond.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token is kept until Piggy Desk closes (no key store).</source>
        <translation>Er is een token bewaard tot Piggy Desk sluit (geen sleutelkluis).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token comes from this computer&apos;s PIGGY_TOKEN setting: change it there.</source>
        <translation>Het token komt uit de PIGGY_TOKEN-instelling van deze computer: wijzig het daar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No token is kept: Piggy Desk cannot reach Piggy until one is given.</source>
        <translation>Er is geen token bewaard: Piggy Desk kan Piggy pas bereiken als er een is ingevuld.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A client secret is kept in this computer&apos;s key store. It is never shown.</source>
        <translation>Er staat een client-secret in de sleutelkluis van deze computer. Het wordt nooit getoond.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client secret is kept until Piggy Desk closes (no key store).</source>
        <translation>Er is een client-secret bewaard tot Piggy Desk sluit (geen sleutelkluis).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No client secret is kept: Piggy Desk cannot sign in with the OAuth client until one is given.</source>
        <translation>Er is geen client-secret bewaard: Piggy Desk kan zich pas met de OAuth-client aanmelden als er een is ingevuld.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="-221"/>
        <source>Type the OAuth client&apos;s id from your Piggy account.</source>
        <translation>Typ de id van de OAuth-client uit uw Piggy-account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the OAuth client&apos;s secret: none is kept for this Piggy address.</source>
        <translation>Plak het secret van de OAuth-client: voor dit Piggy-adres is er geen bewaard.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+7"/>
        <source>Training: Piggy Desk works on its built-in sandbox at {address}. The shop&apos;s Piggy address, token and key store are not used until Piggy Desk starts without training.</source>
        <translation>Training: Piggy Desk werkt op zijn ingebouwde oefenomgeving (sandbox) op {address}. Het Piggy-adres, de token en de sleutelkluis van de winkel worden pas gebruikt als Piggy Desk zonder training start.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/sections.py" line="-254"/>
        <source>The sandbox made a token for this training session; it is not kept.</source>
        <translation>De oefenomgeving heeft een token gemaakt voor deze trainingssessie; die wordt niet bewaard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A manager PIN is set. Type a new one twice to change it.</source>
        <translation>Er is een manager-pincode ingesteld. Typ twee keer een nieuwe om hem te wijzigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No manager PIN is set: anyone can open the manager screens.</source>
        <translation>Er is geen manager-pincode ingesteld: iedereen kan de managerschermen openen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set by the shop&apos;s IT for every counter: it cannot be changed here.</source>
        <translation>Ingesteld door de IT van de winkel voor elke kassa: dit kan hier niet worden gewijzigd.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Like this computer</source>
        <translation>Zoals deze computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+125"/>
        <location line="+240"/>
        <source>Nothing was saved: see the sentence below.</source>
        <translation>Er is niets opgeslagen: zie de melding hieronder.</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Nothing was saved: see the sentences below.</source>
        <translation>Er is niets opgeslagen: zie de meldingen hieronder.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Remove token</source>
        <translation>Token verwijderen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Remove the API token from this computer? Piggy Desk cannot reach Piggy until a new token is given.</source>
        <translation>Het API-token van deze computer verwijderen? Piggy Desk kan Piggy dan pas weer bereiken als er een nieuw token is ingevuld.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key store warning</source>
        <translation>Waarschuwing over de sleutelkluis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings that could not be used</source>
        <translation>Instellingen die niet konden worden gebruikt</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+60"/>
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Undo changes</source>
        <translation>Wijzigingen ongedaan maken</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/controller.py" line="+235"/>
        <source>Ignored, because they cannot work, in {file}:</source>
        <translation>Genegeerd omdat ze niet kunnen werken, in {file}:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only whoever prepared that file (the shop&apos;s IT) can fix it.</source>
        <translation>Alleen wie dat bestand heeft klaargezet (de IT van de winkel) kan het verbeteren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving puts the values shown below in their place.</source>
        <translation>Bij opslaan komen de waarden hieronder ervoor in de plaats.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/settings/screen.py" line="+48"/>
        <source>Training mode</source>
        <translation>Trainingsmodus</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Settings saved.</source>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The token was removed.</source>
        <translation>Het token is verwijderd.</translation>
    </message>
</context>
<context>
    <name>ShopPicker</name>
    <message>
        <location filename="../../piggy_desk/ui/widgets/shop_picker.py" line="+21"/>
        <source>shop</source>
        <translation>winkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web shop</source>
        <translation>webwinkel</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Piggy does not list the shops for this token. Type the shop&apos;s UUID from the Piggy dashboard, or leave it empty.</source>
        <translation>Piggy geeft met dit token de winkels niet. Typ de UUID van de winkel uit het Piggy-dashboard, of laat het veld leeg.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shops could not be listed ({reason}). Type the shop&apos;s UUID, or leave it empty.</source>
        <translation>De winkels konden niet worden opgehaald ({reason}). Typ de UUID van de winkel, of laat het veld leeg.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No shop</source>
        <translation>Geen winkel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another shop (type its UUID)</source>
        <translation>Een andere winkel (typ de UUID)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piggy lists no shops for this account.</source>
        <translation>Piggy heeft geen winkels voor dit account.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Shop</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shop UUID</source>
        <translation>Winkel-UUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>optioneel</translation>
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
        <translation>OAuth-client</translation>
    </message>
</context>
<context>
    <name>StartFailure</name>
    <message>
        <location filename="../../piggy_desk/ui/shell/start_failure.py" line="+22"/>
        <source>Piggy Desk could not start</source>
        <translation>Piggy Desk kon niet starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piggy Desk stopped because of a problem</source>
        <translation>Piggy Desk is gestopt door een probleem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free some space on the disk of {folder}, then start Piggy Desk again.</source>
        <translation>Maak ruimte vrij op de schijf van {folder} en start Piggy Desk daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whoever looks after this computer to let Piggy Desk write in {folder}, then start it again.</source>
        <translation>Vraag wie deze computer beheert om Piggy Desk in {folder} te laten schrijven en start het daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the other program, then start Piggy Desk again.</source>
        <translation>Sluit het andere programma en start Piggy Desk daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the folder {folder} is there and can be reached, then start Piggy Desk again.</source>
        <translation>Controleer of de map {folder} bestaat en bereikbaar is en start Piggy Desk daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start Piggy Desk again; if this happens again, send the log file to support.</source>
        <translation>Start Piggy Desk opnieuw; gebeurt dit weer, stuur dan het logbestand naar de ondersteuning.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk of the data folder {folder} is full.</source>
        <translation>De schijf van de gegevensmap {folder} is vol.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Piggy Desk may not write in its data folder {folder}.</source>
        <translation>Piggy Desk mag niet schrijven in zijn gegevensmap {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Piggy Desk cannot reach its data folder {folder}.</source>
        <translation>Piggy Desk kan zijn gegevensmap {folder} niet bereiken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Piggy address cannot be used: {problem}</source>
        <translation>Het Piggy-adres kan niet worden gebruikt: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the address (the --base-url option, or the address under Settings), then start Piggy Desk again.</source>
        <translation>Verbeter het adres (de optie --base-url, of het adres onder Instellingen) en start Piggy Desk daarna opnieuw.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Piggy Desk could not start because of an unexpected problem ({problem}).</source>
        <translation>Piggy Desk kon niet starten door een onverwacht probleem ({problem}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The details are in the log file: {path}</source>
        <translation>De details staan in het logbestand: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No log file could be written.</source>
        <translation>Er kon geen logbestand worden geschreven.</translation>
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
        <translation>Geldig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already used</source>
        <translation>Al gebruikt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switched off</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid yet</source>
        <translation>Nog niet geldig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use at another counter</source>
        <translation>In gebruik aan andere kassa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redeemed just now</source>
        <translation>Zojuist ingewisseld</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown status</source>
        <translation>Onbekende status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <translation>Gelukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../../piggy_desk/token_store.py" line="+37"/>
        <source>This computer has no working key store: the token is kept only until Piggy Desk closes.</source>
        <translation>Deze computer heeft geen werkende sleutelkluis: het token wordt alleen bewaard tot Piggy Desk sluit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key store stayed locked: the token is kept only until Piggy Desk closes.</source>
        <translation>De sleutelkluis bleef vergrendeld: het token wordt alleen bewaard tot Piggy Desk sluit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key store could not be used: the token is kept only until Piggy Desk closes.</source>
        <translation>De sleutelkluis kon niet worden gebruikt: het token wordt alleen bewaard tot Piggy Desk sluit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The token could not be changed.</source>
        <translation>Het token kon niet worden gewijzigd.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The token is set by this computer&apos;s PIGGY_TOKEN setting: change it there, not in Piggy Desk.</source>
        <translation>Het token komt uit de PIGGY_TOKEN-instelling van deze computer: wijzig het daar, niet in Piggy Desk.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The key store did not remove the token. Remove the PiggyDesk entry from the computer&apos;s key store by hand.</source>
        <translation>De sleutelkluis heeft het token niet verwijderd. Verwijder de PiggyDesk-regel met de hand uit de sleutelkluis van de computer.</translation>
    </message>
</context>
<context>
    <name>VoucherCard</name>
    <message>
        <location filename="../../piggy_desk/ui/counter/card.py" line="+68"/>
        <source>Valid from:</source>
        <translation>Geldig vanaf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires:</source>
        <translation>Verloopt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>Klant:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on:</source>
        <translation>Gebruikt op:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses per voucher:</source>
        <translation>Aantal keer per voucher:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used at this counter:</source>
        <translation>Gebruikt aan deze kassa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses left:</source>
        <translation>Nog te gebruiken:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till codes:</source>
        <translation>Kassacodes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a voucher to see it here.</source>
        <translation>Scan een voucher om hem hier te zien.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No voucher shown</source>
        <translation>Geen voucher getoond</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher card: no voucher shown</source>
        <translation>Voucherkaart: geen voucher getoond</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a customer without e-mail</source>
        <translation>een klant zonder e-mailadres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{customer} (chosen for this redemption)</source>
        <translation>{customer} (gekozen voor deze inwisseling)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No customer yet</source>
        <translation>Nog geen klant</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{title}, code {code}, {status}</source>
        <translation>{title}, code {code}, {status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{made} made, {reversed} reversed (this counter&apos;s journal)</source>
        <translation>{made} keer gebruikt, {reversed} keer teruggedraaid (logboek van deze kassa)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{made} (this counter&apos;s journal)</source>
        <translation>{made} keer (logboek van deze kassa)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{uses}; the answer to one more was lost</source>
        <translation>{uses}; het antwoord op nog één ging verloren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{left}, as Piggy said at {time}</source>
        <translation>{left}, zoals Piggy om {time} zei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most {left} (other counters&apos; uses are not known here)</source>
        <translation>hoogstens {left} (gebruik aan andere kassa&apos;s is hier niet bekend)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Voucher card: {title}</source>
        <translation>Voucherkaart: {title}</translation>
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
        <translation>In gebruik aan kassa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{issued} (no limit)</source>
        <translation>{issued} (geen limiet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{issued} of {limit}, limit reached</source>
        <translation>{issued} van {limit}, limiet bereikt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{issued} of {limit}</source>
        <translation>{issued} van {limit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued</source>
        <translation>Uitgegeven</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vouchers of this promotion</source>
        <translation>Vouchers van deze actie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a promotion to see its vouchers.</source>
        <translation>Kies een actie om de vouchers te zien.</translation>
    </message>
</context>
<context>
    <name>VoucherDraft</name>
    <message>
        <location filename="../../piggy_desk/manager/drafts.py" line="+32"/>
        <source>The expiry must come after the activation.</source>
        <translation>De vervaldatum moet na de begindatum liggen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This expiry has already passed: the voucher would be expired when it is made.</source>
        <translation>Deze vervaldatum is al voorbij: de voucher zou bij het aanmaken al verlopen zijn.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Every attribute needs a name.</source>
        <translation>Elk kenmerk heeft een naam nodig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The attribute {name} is there twice.</source>
        <translation>Het kenmerk {name} staat er twee keer in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a promotion.</source>
        <translation>Kies een actie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A code cannot contain control characters.</source>
        <translation>Een code mag geen stuurtekens bevatten.</translation>
    </message>
</context>
<context>
    <name>VoucherFilterBar</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/filters.py" line="+28"/>
        <source>Promotion</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <source>All promotions</source>
        <translation>Alle acties</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer e-mail filter</source>
        <translation>Filter op e-mailadres van de klant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer e-mail</source>
        <translation>E-mailadres klant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a voucher code</source>
        <translation>Vouchercode zoeken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find a code</source>
        <translation>Code zoeken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promotion:</source>
        <translation>Actie:</translation>
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
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>optional: the customer&apos;s e-mail</source>
        <translation>optioneel: e-mailadres van de klant</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Geldig vanaf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set</source>
        <translation>instellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set {date}</source>
        <translation>{date} instellen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{field} (local time)</source>
        <translation>{field} (plaatselijke tijd)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No customer with this e-mail address.</source>
        <translation>Geen klant met dit e-mailadres.</translation>
    </message>
</context>
<context>
    <name>VoucherPrint</name>
    <message>
        <location filename="../../piggy_desk/ui/printing.py" line="-376"/>
        <source>Valid from {start} until {end}</source>
        <translation>Geldig van {start} tot {end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid until {end}</source>
        <translation>Geldig tot {end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid from {start}, no end date</source>
        <translation>Geldig vanaf {start}, geen einddatum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No end date</source>
        <translation>Geen einddatum</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Until {end}</source>
        <translation>Tot {end}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The printer could not be started.</source>
        <translation>De printer kon niet worden gestart.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Slip, 80 mm receipt roll</source>
        <translation>Bon, kassarol van 80 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip, A6</source>
        <translation>Bon, A6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 label sheet, 3 × 8 (70 × 37 mm)</source>
        <translation>A4-etiketvel, 3 × 8 (70 × 37 mm)</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>The first {shown} of the {total} vouchers in the list: one print takes at most {max}. Narrow the filter for the others.</source>
        <translation>De eerste {shown} van de {total} vouchers in de lijst: één afdruk neemt er hoogstens {max}. Verfijn het filter voor de andere.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/voucher_print.py" line="+59"/>
        <source>No barcode: this code has characters a scanner cannot type back ({characters}). Type the code at the counter.</source>
        <translation>Geen barcode: deze code heeft tekens die een scanner niet kan teruggeven ({characters}). Typ de code aan de kassa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No barcode: the code is empty.</source>
        <translation>Geen barcode: de code is leeg.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No QR code: the code is longer than {max} characters.</source>
        <translation>Geen QR-code: de code is langer dan {max} tekens.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No barcode: this code is too long for a scannable barcode {width} mm wide. Scan the QR code.</source>
        <translation>Geen barcode: deze code is te lang voor een scanbare barcode van {width} mm breed. Scan de QR-code.</translation>
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
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on</source>
        <translation>Gebruikt op</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(no e-mail)</source>
        <translation>(geen e-mailadres)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
</context>
<context>
    <name>VouchersScreen</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/screen.py" line="+152"/>
        <source>New voucher…</source>
        <translation>Nieuwe voucher…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New batch…</source>
        <translation>Nieuwe reeks…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print list…</source>
        <translation>Lijst afdrukken…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No customer with this e-mail address.</source>
        <translation>Geen klant met dit e-mailadres.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>{rows} of %Ln voucher(s) shown</source>
        <translation>
            <numerusform>{rows} van %Ln voucher getoond</numerusform>
            <numerusform>{rows} van %Ln vouchers getoond</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+223"/>
        <source>Exported %Ln voucher(s) to {file} in {folder}.</source>
        <translation>
            <numerusform>%Ln voucher geëxporteerd naar {file} in {folder}.</numerusform>
            <numerusform>%Ln vouchers geëxporteerd naar {file} in {folder}.</numerusform>
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
            <numerusform>%Ln nieuwe voucher is klaar.</numerusform>
            <numerusform>%Ln nieuwe vouchers zijn klaar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Voucher {code} activated.</source>
        <translation>Voucher {code} is geactiveerd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher {code} deactivated.</source>
        <translation>Voucher {code} is uitgeschakeld.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/bars.py" line="+34"/>
        <source>no customer</source>
        <translation>geen klant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse redemption</source>
        <translation>Inwisseling terugdraaien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse the redemption of voucher {code} (customer {customer})?

The voucher can then be used again.</source>
        <translation>De inwisseling van voucher {code} terugdraaien (klant {customer})?

De voucher kan daarna weer worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/screen.py" line="+43"/>
        <source>The redemption of {code} was reversed.</source>
        <translation>De inwisseling van {code} is teruggedraaid.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied {code}.</source>
        <translation>{code} gekopieerd.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The list has no vouchers to print.</source>
        <translation>De lijst heeft geen vouchers om af te drukken.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Voucher {code} created.</source>
        <translation>Voucher {code} is aangemaakt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export vouchers</source>
        <translation>Vouchers exporteren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{problem} The export was stopped; no file was written.</source>
        <translation>{problem} De export is gestopt; er is geen bestand gemaakt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export geannuleerd; er is geen bestand gemaakt.</translation>
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
        <translation>Kies met de pijltjestoetsen een voucher; de knoppen hieronder of de menutoets werken op die voucher</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <location filename="../../piggy_desk/ui/widgets/__init__.py" line="+216"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>over %Ln dag</numerusform>
            <numerusform>over %Ln dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln dag geleden</numerusform>
            <numerusform>%Ln dagen geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>in %Ln hour(s)</source>
        <translation>
            <numerusform>over %Ln uur</numerusform>
            <numerusform>over %Ln uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>%Ln uur geleden</numerusform>
            <numerusform>%Ln uur geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>in %Ln minute(s)</source>
        <translation>
            <numerusform>over %Ln minuut</numerusform>
            <numerusform>over %Ln minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>%Ln minuut geleden</numerusform>
            <numerusform>%Ln minuten geleden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in less than a minute</source>
        <translation>over minder dan een minuut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
</context>
<context>
    <name>_VoucherForm</name>
    <message>
        <location filename="../../piggy_desk/ui/vouchers/dialogs.py" line="-134"/>
        <source>Promotion</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Customer e-mail</source>
        <translation>E-mailadres klant</translation>
    </message>
</context>
</TS>
