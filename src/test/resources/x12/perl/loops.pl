#!/usr/bin/perl
# Independent reading of an X12 file with Debian's X12::Parser: prints one line per loop,
# "<position> <level> <loop> <segment ids joined by ,>", then "SEPARATORS <segment> <element> <component>".
use strict;
use warnings;
use X12::Parser;

my ($file, $cf) = @ARGV;
my $p = new X12::Parser;
$p->parsefile(file => $file, conf => $cf);
while (my ($pos, $level, $loop) = $p->get_next_pos_level_loop) {
    my @segments = $p->get_loop_segments;
    my $sep = quotemeta($p->get_element_separator);
    my @ids = map { (split /$sep/, $_)[0] } @segments;
    print "$pos $level $loop ", join(',', @ids), "\n";
}
(my $segment = $p->get_segment_separator) =~ s/\s//g;
print "SEPARATORS ", $segment, " ", $p->get_element_separator, " ", $p->get_subelement_separator, "\n";
