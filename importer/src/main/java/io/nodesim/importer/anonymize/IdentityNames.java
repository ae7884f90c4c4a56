package io.nodesim.importer.anonymize;

/** Every name as it is: the plain import. */
final class IdentityNames implements Names {
    static final IdentityNames INSTANCE = new IdentityNames();

    private IdentityNames() {
    }

    @Override
    public String node(String name) {
        return name;
    }

    @Override
    public String namespace(String name) {
        return name;
    }

    @Override
    public String workload(String name) {
        return name;
    }

    @Override
    public String pod(String name) {
        return name;
    }

    @Override
    public String pod(String workload, String name) {
        return name;
    }

    @Override
    public String container(String name) {
        return name;
    }

    @Override
    public String image(String reference) {
        return reference;
    }

    @Override
    public String service(String name) {
        return name;
    }

    @Override
    public String priorityClass(String name) {
        return name;
    }

    @Override
    public String disruptionBudget(String name) {
        return name;
    }

    @Override
    public String volumeClaim(String name) {
        return name;
    }

    @Override
    public String storageClass(String name) {
        return name;
    }

    @Override
    public String labelKey(String key) {
        return key;
    }

    @Override
    public String labelValue(String key, String value) {
        return value;
    }
}
