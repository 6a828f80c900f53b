#!/usr/bin/perl
# Writes a small database in the GeoIP2 City schema for the tests (never a downloaded one).
# Usage: write_city_mmdb.pl OUTPUT.mmdb
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

my %types = (
    city      => 'map',
    country   => 'map',
    location  => 'map',
    names     => 'map',
    en        => 'utf8_string',
    iso_code  => 'utf8_string',
    latitude  => 'double',
    longitude => 'double',
);
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version            => 6,
    record_size           => 28,
    remove_reserved_networks => 0, # the test networks are documentation ranges
    database_type         => 'GeoIP2-City',
    languages             => ['en'],
    description           => { en => 'Activity Dashboard test City database' },
    map_key_type_callback => sub { $types{ $_[0] } },
);
# TEST-NET-2 and the IPv6 documentation prefix: addresses no real database knows.
$tree->insert_network('198.51.100.0/24', {
    country  => { iso_code => 'NZ', names => { en => 'New Zealand' } },
    city     => { names => { en => 'Wellington' } },
    location => { latitude => -41.2865, longitude => 174.7762 },
});
$tree->insert_network('2001:db8::/32', {
    country  => { iso_code => 'FR', names => { en => 'France' } },
    city     => { names => { en => 'Lyon' } },
    location => { latitude => 45.764, longitude => 4.8357 },
});
open my $fh, '>:raw', $ARGV[0] or die "cannot write $ARGV[0]: $!";
$tree->write_tree($fh);
close $fh;
