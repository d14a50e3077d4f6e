package com.claimflow.reference.internal;

import com.claimflow.reference.CodeSystem;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CodeSetRepository extends JpaRepository<CodeSetEntryEntity, Long> {

    List<CodeSetEntryEntity> findByCodeSystemAndCode(CodeSystem codeSystem, String code);

    List<CodeSetEntryEntity> findByCodeSystemInAndCode(List<CodeSystem> codeSystems, String code);

    @Query("select c from CodeSetEntry c where c.codeSystem in :systems and (c.code like :prefix or lower(c.description) like :words) order by c.billable desc, c.code")
    List<CodeSetEntryEntity> search(List<CodeSystem> systems, String prefix, String words, Pageable page);
}
