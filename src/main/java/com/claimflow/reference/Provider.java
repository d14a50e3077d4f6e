package com.claimflow.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "provider")
public class Provider {
    @Id
    private String npi;
    private String name;
    private String taxonomy;
    private String tin;
    private String address;
    private String city;
    private String state;
    private String zip;

    protected Provider() {
    }

    public Provider(String npi, String name, String taxonomy, String tin, String address, String city, String state, String zip) {
        this.npi = npi;
        this.name = name;
        this.taxonomy = taxonomy;
        this.tin = tin;
        this.address = address;
        this.city = city;
        this.state = state;
        this.zip = zip;
    }

    public String getNpi() { return npi; }
    public String getName() { return name; }
    public String getTaxonomy() { return taxonomy; }
    public String getTin() { return tin; }
    public String getAddress() { return address; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getZip() { return zip; }
}
