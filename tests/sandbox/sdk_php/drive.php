<?php
// Piggy's official PHP SDK against the sandbox: every call of it Piggy Desk also makes.
// Run by tests/sandbox/test_sdk_php.py (an extra check, skipped without PHP and the SDK):
//   PIGGY_PHP_SDK   the SDK's src/ folder (git clone --branch 3.12.2 …/piggy-php-sdk)
//   BASE_URL, CLIENT_ID, CLIENT_SECRET, CODE, EMAIL, CARD
// Prints one JSON object: what the SDK's models hold after each call.

declare(strict_types=1);

$sdk = rtrim((string) getenv('PIGGY_PHP_SDK'), '/');
require '/usr/share/php/GuzzleHttp/autoload.php'; // Debian's php-guzzlehttp-guzzle
spl_autoload_register(function (string $class) use ($sdk): void {
    $prefix = 'Piggy\\Api\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = $sdk . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
require $sdk . '/helpers.php';

set_error_handler(function (int $level, string $message, string $file, int $line): bool {
    // A warning (an undefined property a mapper reads) is a failure here, not noise.
    throw new ErrorException($message, 0, $level, $file, $line);
});

$client = new Piggy\Api\OAuthClient((int) getenv('CLIENT_ID'), (string) getenv('CLIENT_SECRET'));
$client->setBaseUrl((string) getenv('BASE_URL'));
$client->setAccessToken($client->getAccessToken());

$out = [];
$promotions = $client->promotion->list(1, 30);
$out['promotions'] = array_map(fn ($p) => [$p->getUuid(), $p->getType(), $p->getRedemptionsPerVoucher()], $promotions);
$created = $client->promotion->create('Koffiekaart 3x', 'Drie keer koffie', 'MULTI_USE', 3, null, 2, 86400);
$out['created'] = [$created->getType(), $created->getRedemptionsPerVoucher(), $created->getLimitPerContact()];
$found = $client->promotion->findBy($created->getUuid());
$out['found'] = [$found->getName(), $found->getType(), $found->getRedemptionsPerVoucher()];

$made = $client->voucher->create($created->getUuid(), 'PHP-0001');
$out['made'] = [$made->getCode(), $made->getStatus(), $made->getPromotion()->getRedemptionsPerVoucher()];
$page = $client->voucher->paginatedList(1, 30, $created->getUuid());
$out['page'] = [count($page->getData()), $page->getTotal(), $page->getLastPage()];
$voucher = $client->voucher->findByCode((string) getenv('CODE'));
$lock = $client->voucher->lock($voucher->getUuid());
$out['lock'] = [$lock->getVoucher()->getStatus(), strlen($lock->getLock()->getReleaseKey()) > 0];
$released = $client->voucher->release($voucher->getUuid(), $lock->getLock()->getReleaseKey());
$out['released'] = [$released->getVoucher()->getStatus(), $released->getLock()->getUnlockedAt() !== null];
$lock = $client->voucher->lock($voucher->getUuid());
$redeemed = $client->voucher->redeem($voucher->getCode(), null, $lock->getLock()->getReleaseKey());
$out['redeemed'] = [$redeemed->getStatus(), $redeemed->isRedeemed(), $redeemed->getContact()->getUuid()];

$contact = $client->contacts->findOneBy((string) getenv('EMAIL'));
$out['contact'] = [$contact->getUuid(), $client->contacts->get($contact->getUuid())->getEmail()];
$out['find_or_create'] = $client->contacts->findOrCreate((string) getenv('EMAIL'))->getUuid();
$out['new_contact'] = $client->contacts->create('php@example.nl')->getEmail();
$out['contacts'] = count($client->contacts->list(1, 30));
$card = $client->contactIdentifiers->get((string) getenv('CARD'));
$out['card'] = [$card->getValue(), $card->isActive(), $card->getContact()->getUuid()];
$shops = $client->shops->all();
$out['shops'] = array_map(fn ($s) => [$s->getUuid(), $s->getName()], $shops);
$out['shop'] = $client->shops->get($shops[0]->getUuid())->getName();

echo json_encode($out), "\n";
