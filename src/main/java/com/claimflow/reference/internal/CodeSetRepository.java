package com.claimflow.reference.internal;

import com.claimflow.reference.CodeSetEntry;
import com.claimflow.reference.CodeSystem;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CodeSetRepository extends JpaRepository<CodeSetEntry, Long> {

    List<CodeSetEntry> findByCodeSystemAndCode(CodeSystem codeSystem, String code);

    List<CodeSetEntry> findByCodeSystemInAndCode(List<CodeSystem> codeSystems, String code);

    @Query("select c from CodeSetEntry c where c.codeSystem in :systems and (c.code like :prefix or lower(c.description) like :words) order by c.billable desc, c.code")
    List<CodeSetEntry> search(List<CodeSystem> systems, String prefix, String words, Pageable page);
}
