package com.claimflow.submission.x12;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;
import com.claimflow.submission.ClaimFileNotSent;
import com.claimflow.submission.ClaimVersion;
import com.claimflow.x12.X12Issue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a claim's 837, reads it back through the validator and, when it passes, records which claim version the
 * transaction set's control number stands for (a 999 names only that number). Refusals are kept with their issues
 * until they are reported as rejections.
 */
@Service
public class X12ClaimFiles {
    private final ClaimDocuments documents;
    private final ControlNumbers numbers;
    private final X12Settings settings;
    private final JdbcTemplate jdbc;

    public X12ClaimFiles(ClaimDocuments documents, ControlNumbers numbers, X12Settings settings, JdbcTemplate jdbc) {
        this.documents = documents;
        this.numbers = numbers;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The 837 for the claim, validated; throws {@link ClaimFileRefused} naming segment and element when it is not valid. */
    public String write(Claim claim, Encounter encounter) {
        ClaimDocument doc = documents.build(claim, encounter);
        long control = numbers.next();
        Envelope env = settings.envelope(control);
        String file = Claim837Writer.write(env, doc);
        List<X12Issue> issues = Claim837Validator.validate(file);
        if (!issues.isEmpty()) throw new ClaimFileRefused(issues);
        jdbc.update("insert into x12_claim_transaction (control_number, claim_id, claim_version, payer_id, transaction_type, created_at) "
                + "values (?,?,?,?,?,?)", env.transactionControlNumber(), claim.id(), claim.version(), claim.payerId(),
                doc.kind() == ClaimDocument.Kind.PROFESSIONAL ? "837P" : "837I", Timestamp.from(Instant.now()));
        return file;
    }

    /** The claim sent under a transaction set control number (ST02), as a 999's AK2 or IK2 names it. */
    @Transactional(readOnly = true)
    public Optional<ClaimVersion> claimOfTransaction(String controlNumber) {
        return jdbc.query("select claim_id, claim_version from x12_claim_transaction where control_number = ?",
                (rs, n) -> new ClaimVersion(rs.getLong(1), rs.getInt(2)), controlNumber).stream().findFirst();
    }

    /** Keeps a refused file's issues; returns the refusal's id. */
    public long recordRefusal(long claimId, int version, String format, ClaimFileRefused refused) {
        String issues = ClaimFileRefused.summary(refused.issues());
        if (issues.length() > 2000) issues = issues.substring(0, 1997) + "...";
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String text = issues;
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into claim_file_refusal (claim_id, claim_version, format, issues, reported, created_at) values (?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setLong(1, claimId);
            ps.setInt(2, version);
            ps.setString(3, format);
            ps.setString(4, text);
            ps.setBoolean(5, false);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Refusals not yet reported as rejections (e.g. the node stopped right after committing the refusal). */
    @Transactional(readOnly = true)
    public List<ClaimFileNotSent> unreportedRefusals() {
        return jdbc.query("select id, claim_id, claim_version, issues from claim_file_refusal where reported = false order by id",
                (rs, n) -> new ClaimFileNotSent(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)));
    }

    /** Marks a refusal reported; false when someone else reported it already. Call in the transaction that reports it. */
    @Transactional
    public boolean markReported(long refusalId) {
        return jdbc.update("update claim_file_refusal set reported = true where id = ? and reported = false", refusalId) == 1;
    }

    @Transactional(readOnly = true)
    public List<String> refusalsOf(long claimId) {
        return jdbc.queryForList("select issues from claim_file_refusal where claim_id = ? order by id", String.class, claimId);
    }
}
