package org.bordercustody;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Service;

/** How the packages may depend on each other, and how their classes are named. */
@AnalyzeClasses(packages = "org.bordercustody", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWayOnly =
            slices().matching("org.bordercustody.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theSystemPackageKnowsNoFeature = noClasses().that().resideInAPackage("..system..")
            .should().dependOnClassesThat().resideInAnyPackage("..apprehension..", "..custody..", "..family..",
                    "..release..", "..checkin..", "..transfer..", "..reporting..", "..tasklist..", "..access..");

    @ArchTest
    static final ArchRule noFeatureReachesIntoTheEngineAccessRules = noClasses().that()
            .resideOutsideOfPackage("..access..").should().dependOnClassesThat().resideInAPackage("..access..");

    /** A use case is one service named for what it keeps or answers, in the plural: Apprehensions, CheckIns... */
    @ArchTest
    static final ArchRule useCasesAreNamedTheSameWay = classes().that().areAnnotatedWith(Service.class)
            .should().haveSimpleNameEndingWith("s").andShould().haveSimpleNameNotEndingWith("Service")
            .andShould().haveSimpleNameNotStartingWith("Record");

    @ArchTest
    static final ArchRule delegatesAreNamedForWhatTheyDo = classes().that().implement(JavaDelegate.class)
            .should().haveSimpleNameEndingWith("Delegate");
}
