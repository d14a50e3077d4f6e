package com.claimflow.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.remittance.x12.Remittance835.ClaimPayment;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated fixtures (bytes flipped, deleted, duplicated, delimiters swapped, cut short) go through every reader: no
 * exception escapes and no read hangs; whatever is wrong comes back as issues. Repeatable: fixed seeds.
 */
public class FuzzedInboundFilesTest {
    private static final String DELIMITERS = "*~:^\n ";

    public static String mutate(String text, SplittableRandom random) {
        StringBuilder b = new StringBuilder(text);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && b.length() > 1; m++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(6)) {
                case 0 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, DELIMITERS.charAt(random.nextInt(DELIMITERS.length())));
                case 3 -> b.setLength(at);
                case 4 -> {
                    int end = Math.min(b.length(), at + random.nextInt(200));
                    b.insert(at, b.substring(at, end));
                }
                default -> b.setCharAt(at, (char) random.nextInt(256));
            }
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999-accepted.x12", "999-rejected.x12", "277ca-mixed.x12", "835-payment.x12", "835-reversal.x12"})
    void mutatedFilesNeverThrowNorHang(String fixture) {
        String original = Fixtures.text(fixture);
        SplittableRandom random = new SplittableRandom(fixture.hashCode());
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 300; round++) {
                String mutated = mutate(original, random);
                InboundReaders.read999(Fixtures.stream(mutated));
                InboundReaders.read277(Fixtures.stream(mutated));
                try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(mutated))) {
                    int n = 0;
                    for (ClaimPayment c = r.next(); c != null && n < 100_000; c = r.next()) n++;
                    List<?> issues = r.issues();
                    assertThat(issues).isNotNull();
                }
            }
        });
    }
}
