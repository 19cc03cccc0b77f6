"""Det leseren leser: resultatvisningen, notatet, feltsjekkene, scenariolenkene – oversettes også."""
