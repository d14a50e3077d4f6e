package com.claimflow.reference.internal;

import com.claimflow.reference.Provider;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The provider's row; other modules see it as the {@link Provider} record. */
@Entity(name = "Provider")
@Table(name = "provider")
public class ProviderEntity {
    @Id
    private String npi;
    private String name;
    private String taxonomy;
    private String tin;
    private String address;
    private String city;
    private String state;
    private String zip;

    protected ProviderEntity() {
    }

    public ProviderEntity(Provider p) {
        this.npi = p.npi();
        this.name = p.name();
        this.taxonomy = p.taxonomy();
        this.tin = p.tin();
        this.address = p.address();
        this.city = p.city();
        this.state = p.state();
        this.zip = p.zip();
    }

    public Provider toRecord() {
        return new Provider(npi, name, taxonomy, tin, address, city, state, zip);
    }
}
